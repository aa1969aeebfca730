import { formatDateTime } from "./format";

export function Time({ value, fallback = "—" }: { value: string | null | undefined; fallback?: string }) {
  if (!value) return <span className="text-slate-400">{fallback}</span>;
  return (
    <time dateTime={value} title={value} className="whitespace-nowrap">
      {formatDateTime(value)}
    </time>
  );
}
