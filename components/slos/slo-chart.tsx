"use client";
// One SLI over the chosen range against its objective line, with the target's deployments (blue) and
// rollbacks (red) as vertical markers whose labels link to the deployment. Empty steps are gaps.
import { TimeSeriesChart, type TimeEvent } from "@/components/charts/time-series-chart";
import type { SliPoint } from "@/lib/domain/slo/bucket-sli-series";
import type { SliSeries } from "@/lib/services/sli/get-sli-series";

export type ChartSpec = {
  key: keyof Omit<SliPoint, "t" | "requests" | "errors">;
  title: string;
  objective: number;
  objectiveLabel: string;
  format: (value: number) => string;
  yDomain?: [number | "auto", number | "auto"];
};

function formatTimeFor(range: SliSeries["range"]) {
  const long = range === "7d" || range === "30d";
  return (at: number) => {
    const iso = new Date(at).toISOString();
    return long ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
  };
}

export function deploymentEvents(series: SliSeries): TimeEvent[] {
  return series.deployments.map((d) => ({
    at: new Date(d.at).getTime(),
    label: d.kind === "rollback" ? `↩ rollback ${d.version}` : `▲ ${d.version}`,
    href: `/deployments/${d.id}`,
    color: d.kind === "rollback" ? "#b91c1c" : "#1d4ed8",
  }));
}

export function SloChart({ series, spec }: { series: SliSeries; spec: ChartSpec }) {
  const points = series.points.map((p) => ({ at: new Date(p.t).getTime(), value: p[spec.key] }));
  const hasData = points.some((p) => p.value !== null);
  return (
    <section data-testid={`slo-chart-${spec.key}`} data-has-data={hasData} className="space-y-1">
      <h3 className="text-sm font-semibold text-slate-800">{spec.title}</h3>
      {hasData ? (
        <TimeSeriesChart
          label={`${spec.title} over the last ${series.range}, objective ${spec.objectiveLabel}`}
          series={[{ key: "value", name: spec.title, color: "#0f766e" }]}
          points={points}
          formatValue={spec.format}
          formatTime={formatTimeFor(series.range)}
          threshold={{ value: spec.objective, label: `objective ${spec.objectiveLabel}` }}
          events={deploymentEvents(series)}
          yDomain={spec.yDomain}
          height={200}
        />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-8 text-center text-sm text-slate-500">
          Not enough data in the last {series.range}: no requests or readings were recorded.
        </p>
      )}
    </section>
  );
}
