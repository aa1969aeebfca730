"use client";
// One service × environment's SLO dashboard: the error budget with its numbers, and availability, error rate,
// p95, p99, memory and CPU against their objectives over 1 h / 6 h / 24 h / 7 d / 30 d, with deployment and
// rollback markers that link to the deployment.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { SLI_RANGES, type SliRange } from "@/lib/schemas/slos";
import type { SliSeries } from "@/lib/services/sli/get-sli-series";
import { BudgetPanel } from "./budget-panel";
import { formatMs, formatPercent, formatUtc } from "./format-slo";
import { type ChartSpec, SloChart } from "./slo-chart";
import { useSliSeries, useSlos } from "./use-slos";

function charts(objectives: SliSeries["objectives"]): ChartSpec[] {
  const pct = (digits: number) => (v: number) => formatPercent(v, digits);
  return [
    {
      key: "availability",
      title: "Availability",
      objective: objectives.uptimePercent,
      objectiveLabel: `> ${objectives.uptimePercent}%`,
      format: pct(2),
      yDomain: ["auto", 100],
    },
    {
      key: "errorRate",
      title: "Error rate",
      objective: objectives.errorRatePercent,
      objectiveLabel: `< ${objectives.errorRatePercent}%`,
      format: pct(2),
    },
    { key: "p95", title: "p95 latency", objective: objectives.p95Ms, objectiveLabel: `< ${objectives.p95Ms} ms`, format: formatMs },
    { key: "p99", title: "p99 latency", objective: objectives.p99Ms, objectiveLabel: `< ${objectives.p99Ms} ms`, format: formatMs },
    {
      key: "memory",
      title: "Memory",
      objective: objectives.memoryPercent,
      objectiveLabel: `< ${objectives.memoryPercent}%`,
      format: pct(1),
    },
    { key: "cpu", title: "CPU", objective: objectives.cpuPercent, objectiveLabel: `< ${objectives.cpuPercent}%`, format: pct(1) },
  ];
}

function RangePicker({ range, onChange }: { range: SliRange; onChange: (r: SliRange) => void }) {
  return (
    <div role="group" aria-label="Time range" className="flex gap-1">
      {SLI_RANGES.map((r) => (
        <Button key={r} variant={r === range ? "primary" : "secondary"} aria-pressed={r === range} onClick={() => onChange(r)}>
          {r}
        </Button>
      ))}
    </div>
  );
}

function Charts({ targetId, range }: { targetId: string; range: SliRange }) {
  const series = useSliSeries(targetId, range);
  if (series.isPending) return <Skeleton className="h-64" />;
  if (series.isError) return <QueryError error={series.error} onRetry={() => series.refetch()} />;
  return (
    <>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts(series.data.objectives).map((spec) => (
          <SloChart key={spec.key} series={series.data} spec={spec} />
        ))}
      </div>
      <section aria-label="Deployments in this range" className="text-sm">
        <h3 className="mb-1 font-semibold text-slate-800">Deployments in the last {range}</h3>
        {series.data.deployments.length === 0 ? (
          <p className="text-slate-500">None.</p>
        ) : (
          <ul className="space-y-0.5">
            {series.data.deployments.map((d) => (
              <li key={d.id}>
                <Link href={`/deployments/${d.id}`} data-testid="deployment-marker" className="text-sky-700 hover:underline">
                  {d.kind === "rollback" ? "Rollback" : "Deploy"} {d.version}
                </Link>{" "}
                <span className="text-slate-500">
                  {formatUtc(d.at)} · {d.state.replace("_", " ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function TargetSloDashboard({ targetId }: { targetId: string }) {
  const [range, setRange] = useState<SliRange>("24h");
  const slos = useSlos({ target: targetId });
  if (slos.isPending) return <Skeleton className="h-40" />;
  if (slos.isError) return <QueryError error={slos.error} onRetry={() => slos.refetch()} />;
  const item = slos.data.items[0];
  if (!item) return <EmptyState title="No such target">It may have been archived; go back to the SLO list.</EmptyState>;
  return (
    <div className="space-y-4">
      <h2 className="text-base font-semibold text-slate-900">
        {item.service.name} · {item.environment.name}
        {item.source === "prometheus" ? (
          <span className="ml-2 text-xs font-normal text-slate-500">numbers from the target&apos;s Prometheus</span>
        ) : null}
      </h2>
      {item.slo ? (
        <BudgetPanel item={{ ...item, slo: item.slo }} />
      ) : (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Could not read the metrics: {item.error}
        </p>
      )}
      <RangePicker range={range} onChange={setRange} />
      <Charts targetId={targetId} range={range} />
    </div>
  );
}
