// A deployment state as a colored pill: green done, blue moving, amber needs attention, red failed. Which
// state reads how, and which ones move, is the lifecycle's (lib/domain/rollout-lifecycle.ts).
import { isMoving, stateLabel, stateTone, type StateTone } from "@/lib/domain/rollout-lifecycle";
import { cn } from "./cn";

const TONE: Record<StateTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  progress: "bg-sky-50 text-sky-800 ring-sky-600/25",
  attention: "bg-amber-50 text-amber-800 ring-amber-600/25",
  reverting: "bg-orange-50 text-orange-800 ring-orange-600/25",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  danger: "bg-red-50 text-red-800 ring-red-600/25",
};

export { stateLabel };

export function StatusPill({ state, className }: { state: string; className?: string }) {
  return (
    <span
      data-state={state}
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONE[stateTone(state)],
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full bg-current", isMoving(state) && "animate-pulse")} />
      {stateLabel(state)}
    </span>
  );
}
