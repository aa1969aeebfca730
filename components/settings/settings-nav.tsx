"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/settings/users", label: "Users" },
  { href: "/settings/environments", label: "Environments" },
  { href: "/settings/services", label: "Services" },
  { href: "/settings/tokens", label: "API tokens" },
];

export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-1 border-b border-slate-200">
      {LINKS.map((link) => {
        const isCurrent = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={isCurrent ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              isCurrent ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
