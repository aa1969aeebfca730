// The deployment's timeline, oldest first, with the time of each event to the second. An analysis decision
// that rests on a breach links to that measurement in the Analysis section.
import { BreachLink, breachOf } from "@/components/analysis/breach-link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { formatClock } from "@/components/targets/format-rates";

type Event = DeploymentDetail["events"][number];

const TONE: Record<string, "neutral" | "info" | "warn" | "danger" | "ok"> = {
  state_changed: "info",
  traffic_set: "ok",
  control: "warn",
  decision: "warn",
  error: "danger",
};

export function EventTimeline({ events }: { events: Event[] }) {
  if (events.length === 0) return <EmptyState title="No events yet">The worker writes each step here as it runs.</EmptyState>;
  return (
    <ol
      aria-label="Timeline"
      data-testid="timeline"
      aria-live="polite"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {events.map((e) => {
        const breach = e.type === "decision" ? breachOf(e.data) : null;
        return (
          <li key={e.id} className="flex items-baseline gap-3 px-3 py-2 text-sm">
            <time dateTime={e.createdAt} title={e.createdAt} className="w-20 shrink-0 font-mono text-xs text-slate-500 tabular-nums">
              {formatClock(e.createdAt)}
            </time>
            <Badge tone={TONE[e.type] ?? "neutral"} className="w-28 shrink-0 justify-center whitespace-nowrap">
              {e.type.replace("_", " ")}
            </Badge>
            <span className="text-slate-800">
              {e.message}
              {breach ? <BreachLink breach={breach} /> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
