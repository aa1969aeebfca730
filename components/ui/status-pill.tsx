// A deployment state as a colored pill: green done, blue moving, amber needs attention, red failed.
import { cn } from "./cn";

const TONE: Record<string, string> = {
  succeeded: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  failed: "bg-red-50 text-red-800 ring-red-600/25",
  aborted: "bg-red-50 text-red-800 ring-red-600/25",
  rolled_back: "bg-orange-50 text-orange-800 ring-orange-600/25",
  reverting: "bg-orange-50 text-orange-800 ring-orange-600/25",
  paused: "bg-amber-50 text-amber-800 ring-amber-600/25",
  waiting_for_window: "bg-amber-50 text-amber-800 ring-amber-600/25",
  queued: "bg-slate-100 text-slate-700 ring-slate-500/20",
  deploying: "bg-sky-50 text-sky-800 ring-sky-600/25",
  verifying: "bg-sky-50 text-sky-800 ring-sky-600/25",
  stepping: "bg-sky-50 text-sky-800 ring-sky-600/25",
};

const MOVING = new Set(["deploying", "verifying", "stepping", "reverting"]);

export function stateLabel(state: string): string {
  return state.replaceAll("_", " ");
}

export function StatusPill({ state, className }: { state: string; className?: string }) {
  return (
    <span
      data-state={state}
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONE[state] ?? "bg-slate-100 text-slate-700 ring-slate-500/20",
        className,
      )}
    >
      <span aria-hidden className={cn("size-1.5 rounded-full bg-current", MOVING.has(state) && "animate-pulse")} />
      {stateLabel(state)}
    </span>
  );
}
