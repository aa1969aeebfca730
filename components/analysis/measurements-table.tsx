// One trigger's measurements as text, one row per tick: the chart's data for everyone who cannot see the
// chart, and the row the timeline's "See the breach" link lands on (id measurement-<candidate row id>).
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import { formatClock } from "@/components/targets/format-rates";
import { formatMetricValue, type MetricName } from "@/lib/domain/analysis/metric-names";
import { MEASUREMENT_VERDICT_TONES, measurementAnchor } from "./describe-run";
import type { Tick, TriggerView } from "./group-by-trigger";
import type { MeasurementView } from "./use-deployment-analysis";

function Value({ metric, row }: { metric: MetricName; row: MeasurementView | null }) {
  if (!row) return <span className="text-slate-400">no stable revision</span>;
  if (row.error) return <span className="text-red-800">query failed</span>;
  const text = formatMetricValue({ metric, value: row.value });
  return <span className={cn("tabular-nums", row.value === null && "text-slate-500")}>{text}</span>;
}

function Verdict({ row, dryRun }: { row: MeasurementView | null; dryRun: boolean }) {
  if (!row?.verdict) return <span className="text-slate-400">—</span>;
  return (
    <>
      <Badge tone={MEASUREMENT_VERDICT_TONES[row.verdict]}>{row.verdict}</Badge>
      {dryRun && row.verdict === "fail" ? <span className="ml-1 text-xs text-slate-600">(dry run: not acted on)</span> : null}
      {row.reason ? <span className="mt-0.5 block text-xs text-slate-700">{row.reason}</span> : null}
    </>
  );
}

function Row({ tick, trigger }: { tick: Tick; trigger: TriggerView }) {
  const { candidate, stable } = tick;
  const isBreach = candidate?.verdict === "fail" && !candidate.dryRun;
  return (
    <tr
      id={candidate ? measurementAnchor(candidate.id) : undefined}
      tabIndex={candidate ? -1 : undefined}
      data-verdict={candidate?.verdict ?? undefined}
      className={cn(
        "scroll-mt-24 focus:outline-2 focus:outline-offset-[-2px] focus:outline-red-600 target:bg-amber-50",
        isBreach && "bg-red-50/60",
      )}
    >
      <Td className="font-mono text-xs whitespace-nowrap tabular-nums">
        <time dateTime={tick.measuredAt} title={tick.measuredAt}>
          {formatClock(tick.measuredAt)}
        </time>
      </Td>
      <Td className="whitespace-nowrap">
        <Value metric={trigger.metric} row={candidate} />
      </Td>
      <Td className="whitespace-nowrap">
        <Value metric={trigger.metric} row={stable} />
      </Td>
      <Td className="whitespace-nowrap tabular-nums">
        <span className="sr-only">candidate </span>
        {candidate?.sampleCount ?? "—"} / <span className="sr-only">stable </span>
        {stable?.sampleCount ?? "—"}
      </Td>
      <Td className="min-w-52">
        <Verdict row={candidate} dryRun={trigger.dryRun} />
      </Td>
    </tr>
  );
}

export function MeasurementsTable({ trigger }: { trigger: TriggerView }) {
  return (
    <Table label={`${trigger.name}: measurements`}>
      <caption className="sr-only">
        {trigger.name}: the candidate&apos;s and the stable revision&apos;s values per measurement, against {trigger.threshold}
      </caption>
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Candidate</Th>
          <Th>Stable</Th>
          <Th title="requests (or readings) behind each value: candidate / stable">Samples</Th>
          <Th>Verdict</Th>
        </tr>
      </thead>
      <tbody>
        {trigger.ticks.map((tick) => (
          <Row key={tick.measuredAt} tick={tick} trigger={trigger} />
        ))}
      </tbody>
    </Table>
  );
}
