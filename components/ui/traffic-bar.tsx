// A traffic split as one horizontal bar: the new revision's share against the previous one's. A meter, so
// assistive technology (and tests) read the new revision's percent from aria-valuenow.
import { cn } from "./cn";

type Props = { percent: number; newLabel: string; previousLabel: string; className?: string; size?: "sm" | "md" };

export function TrafficBar({ percent, newLabel, previousLabel, className, size = "md" }: Props) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className={cn("space-y-1", className)}>
      <div
        role="meter"
        aria-label={`Traffic on ${newLabel}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value}% on ${newLabel}, ${100 - value}% on ${previousLabel}`}
        data-testid="traffic-bar"
        className={cn("flex w-full overflow-hidden rounded-md bg-slate-200", size === "sm" ? "h-2" : "h-6")}
      >
        <div className="bg-sky-600 transition-[width] duration-500" style={{ width: `${value}%` }} />
        <div className="flex-1 bg-slate-300" />
      </div>
      {size === "md" ? (
        <div className="flex justify-between text-xs text-slate-600 tabular-nums">
          <span>
            <span aria-hidden className="mr-1 inline-block size-2 rounded-sm bg-sky-600" />
            {newLabel} <strong data-testid="traffic-new">{value}%</strong>
          </span>
          <span>
            {previousLabel} <strong>{100 - value}%</strong>
            <span aria-hidden className="ml-1 inline-block size-2 rounded-sm bg-slate-300" />
          </span>
        </div>
      ) : null}
    </div>
  );
}
