// Previous / next links for offset-paged lists whose page lives in the URL.
import Link from "next/link";
import { buttonClassName } from "./button";
import { cn } from "./cn";

type Props = { page: number; pageSize: number; total: number; hrefFor: (page: number) => string };

export function Pager({ page, pageSize, total, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const disabled = "pointer-events-none opacity-40";
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center justify-between text-sm text-slate-600">
      <span>
        {first}–{last} of {total}
      </span>
      <span className="flex gap-2">
        <Link
          href={hrefFor(page - 1)}
          aria-disabled={page <= 1}
          tabIndex={page <= 1 ? -1 : undefined}
          className={cn(buttonClassName("secondary", "sm"), page <= 1 && disabled)}
        >
          Previous
        </Link>
        <Link
          href={hrefFor(page + 1)}
          aria-disabled={page >= pages}
          tabIndex={page >= pages ? -1 : undefined}
          className={cn(buttonClassName("secondary", "sm"), page >= pages && disabled)}
        >
          Next
        </Link>
      </span>
    </nav>
  );
}
