"use client";
// One trigger of a run: what it judges (the threshold as recorded, dry run or not), the queries behind its
// values, a chart of the candidate against the stable revision with the threshold and the breaches marked,
// and the same data as a table.
import { TimeSeriesChart, type TimePoint } from "@/components/charts/time-series-chart";
import { Badge } from "@/components/ui/badge";
import { formatClock } from "@/components/targets/format-rates";
import { formatMetricValue, METRICS } from "@/lib/domain/analysis/metric-names";
import type { TriggerView } from "./group-by-trigger";
import { MeasurementsTable } from "./measurements-table";

const CANDIDATE_COLOR = "#7c3aed";
const STABLE_COLOR = "#0284c7";

function toPoints(trigger: TriggerView): TimePoint[] {
  // A failed query has no value: a gap on the chart, as a window without data is.
  const valueOf = (row: TriggerView["ticks"][number]["candidate"]) => (row && !row.error ? row.value : null);
  return trigger.ticks.map((t) => ({ at: Date.parse(t.measuredAt), candidate: valueOf(t.candidate), stable: valueOf(t.stable) }));
}

function Queries({ trigger }: { trigger: TriggerView }) {
  return (
    <dl className="space-y-1 text-xs">
      {trigger.queries.map((q) => (
        <div key={`${q.revision}:${q.query}`} className="flex flex-wrap items-baseline gap-x-2">
          <dt className="text-slate-600">
            Query, {q.revision}
            {q.revisionName ? ` (${q.revisionName})` : ""}:
          </dt>
          <dd className="min-w-0">
            <code className="rounded bg-slate-100 px-1 py-0.5 break-all text-slate-800">{q.query}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function TriggerAnalysis({ trigger }: { trigger: TriggerView }) {
  const show = (value: number) => formatMetricValue({ metric: trigger.metric, value });
  const revisionName = (key: "candidate" | "stable") => trigger.queries.find((q) => q.revision === key)?.revisionName;
  const hasStable = trigger.ticks.some((t) => t.stable);
  const series = [
    { key: "candidate", name: `Candidate${revisionName("candidate") ? ` (${revisionName("candidate")})` : ""}`, color: CANDIDATE_COLOR },
    ...(hasStable
      ? [{ key: "stable", name: `Stable${revisionName("stable") ? ` (${revisionName("stable")})` : ""}`, color: STABLE_COLOR }]
      : []),
  ];
  const marks = trigger.breaches.flatMap((m) =>
    m.value === null ? [] : [{ at: Date.parse(m.measuredAt), value: m.value, label: "breach" }],
  );
  return (
    <section aria-label={`Trigger ${trigger.name}`} className="space-y-2 rounded-md border border-slate-200 p-3">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <h4 className="font-medium text-slate-900">{trigger.name}</h4>
        {trigger.dryRun ? <Badge tone="neutral">dry run</Badge> : null}
        <span className="text-slate-600">
          {METRICS[trigger.metric].label} · threshold: <span className="font-mono text-xs">{trigger.threshold}</span>
        </span>
      </header>
      <Queries trigger={trigger} />
      <div className="grid items-start gap-3 xl:grid-cols-2">
        <TimeSeriesChart
          label={`${trigger.name}: candidate vs stable`}
          series={series}
          points={toPoints(trigger)}
          formatValue={show}
          formatTime={(at) => formatClock(new Date(at).toISOString())}
          threshold={
            trigger.thresholdValue === null ? null : { value: trigger.thresholdValue, label: `threshold ${show(trigger.thresholdValue)}` }
          }
          marks={marks}
        />
        <MeasurementsTable trigger={trigger} />
      </div>
    </section>
  );
}
