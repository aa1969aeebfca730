// The planned steps of a rollout with done / current / pending, as an ordered list.
import { cn } from "@/components/ui/cn";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";

type Step = DeploymentDetail["steps"][number];

function describe(step: Step): string {
  switch (step.kind) {
    case "start_revision":
      return "Start the new revision";
    case "verify":
      return "Smoke suite against it (no traffic yet)";
    case "set_traffic":
      return `Traffic to ${step.percent}%`;
    case "validate":
      return "Checks after full traffic";
    case "pause":
      return step.seconds === null ? "Wait for promote" : `Hold ${step.seconds} s`;
    case "watch":
      return step.phase === "blue_green_switch" ? `Analysis after the switch (${step.seconds} s)` : `Analysis watch (${step.seconds} s)`;
    case "finalize":
      return step.keepPrevious ? "Finish (keep the previous revision)" : "Finish (retire the previous revision)";
  }
}

const MARK = { done: "✓", current: "●", pending: "○" } as const;

export function StepProgress({ steps, state, isFinished }: { steps: Step[]; state: string; isFinished: boolean }) {
  return (
    <ol aria-label="Steps" className="space-y-1.5" data-testid="steps">
      {steps.map((step) => {
        // The engine ends a succeeded rollout on its last step without moving past it: every step ran.
        const status = state === "succeeded" ? "done" : step.status;
        return (
          <li
            key={step.index}
            data-status={status}
            aria-current={status === "current" ? "step" : undefined}
            className="flex items-center gap-2 text-sm"
          >
            <span
              aria-hidden
              className={cn(
                "grid size-5 place-items-center rounded-full text-xs",
                status === "done" && "bg-emerald-100 text-emerald-800",
                status === "current" && "animate-pulse bg-sky-100 text-sky-800",
                status === "pending" && "bg-slate-100 text-slate-400",
              )}
            >
              {MARK[status as keyof typeof MARK]}
            </span>
            <span className={cn(status === "pending" ? "text-slate-500" : "text-slate-900", status === "current" && "font-medium")}>
              {describe(step)}
            </span>
            {/* A pending step of a finished deployment is one it never reached. */}
            <span className="sr-only">({status === "pending" && isFinished ? "not run" : status})</span>
          </li>
        );
      })}
    </ol>
  );
}
