"use client";
// The main navigation. Settings is listed for admins only; the server refuses the pages to anyone else anyway.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/overview", label: "Overview" },
  { href: "/releases", label: "Releases" },
  { href: "/deployments", label: "Deployments" },
  { href: "/alerts", label: "Alerts" },
  { href: "/slos", label: "SLOs" },
  { href: "/insights", label: "Insights" },
  { href: "/audit", label: "Audit" },
];

export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = isAdmin ? [...LINKS, { href: "/settings", label: "Settings" }] : LINKS;
  return (
    <nav aria-label="Main" className="flex items-center gap-0.5 overflow-x-auto">
      {links.map((link) => {
        const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isCurrent ? "page" : undefined}
            className={cn(
              "rounded-md px-2.5 py-1.5 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-sky-400",
              isCurrent ? "bg-white/15 text-white" : "text-slate-300 hover:bg-white/10 hover:text-white",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
