// GET /api/v1/insights: the four delivery metrics (DORA) of a scope — one service or all, one environment or
// every production one — over a range, overall and per service × environment, each figure with the ids of
// the deployments it counts and a link to them in the Deployments list.
import { computeInsights } from "@/lib/domain/insights/compute-insights";
import type { ChangeFailure, InsightDeployment, Insights } from "@/lib/domain/insights/insight-types";
import type { InsightScope, InsightSet } from "@/lib/schemas/insights";
import { loadInsightDeployments, loadInsightTargets, type InsightTarget } from "./load-insight-deployments";
import { resolveInsightWindow } from "./resolve-insight-window";

type ChangeFailureView = Omit<ChangeFailure, "failedAt" | "restoredAt"> & { failedAt: string; restoredAt: string | null };
export type InsightFigures = Omit<Insights, "from" | "to" | "timeToRestore"> & {
  timeToRestore: Omit<Insights["timeToRestore"], "failures"> & { failures: ChangeFailureView[] };
  /** the Deployments list filtered to the deployments behind each figure */
  links: Record<InsightSet, string>;
};
type Named = { slug: string; name: string };

export type InsightsView = {
  from: string;
  to: string;
  service: Named | null;
  /** the environments covered: the one asked for, or every production one */
  environments: (Named & { isProduction: boolean })[];
  overall: InsightFigures;
  /** per service × environment with at least one deploy finished in the range */
  rows: { service: Named; environment: Named; figures: InsightFigures }[];
};

function linksFor({ from, to, service, environment }: { from: Date; to: Date; service?: string; environment?: string }) {
  const base = { from: from.toISOString(), to: to.toISOString(), ...(service ? { service } : {}), ...(environment ? { environment } : {}) };
  const link = (insight: InsightSet) => `/deployments?${new URLSearchParams({ insight, ...base })}`;
  return {
    deployments: link("deployments"),
    lead_time: link("lead_time"),
    changes: link("changes"),
    change_failures: link("change_failures"),
    restored: link("restored"),
    not_restored: link("not_restored"),
  };
}

function toFigures(insights: Insights, links: Record<InsightSet, string>): InsightFigures {
  const { from: _from, to: _to, timeToRestore, ...figures } = insights;
  const failures = timeToRestore.failures.map((f) => ({
    ...f,
    failedAt: f.failedAt.toISOString(),
    restoredAt: f.restoredAt?.toISOString() ?? null,
  }));
  return { ...figures, timeToRestore: { ...timeToRestore, failures }, links };
}

function sortTargets(targets: InsightTarget[]): InsightTarget[] {
  return [...targets].sort(
    (a, b) => a.service.name.localeCompare(b.service.name) || a.environment.promotionOrder - b.environment.promotionOrder,
  );
}

/** Everything a scope's figures rest on; shared with the Deployments list's insight filter. */
export async function loadInsights({ scope, now }: { scope: InsightScope; now: Date }) {
  const { from, to } = resolveInsightWindow({ scope, now });
  const targets = await loadInsightTargets(scope);
  const deployments = await loadInsightDeployments({ targetIds: targets.map((t) => t.id), from });
  return { from, to, targets, deployments, overall: computeInsights({ deployments, from, to }) };
}

export async function getInsights({ scope, now }: { scope: InsightScope; now: Date }): Promise<InsightsView> {
  const { from, to, targets, deployments, overall } = await loadInsights({ scope, now });
  const byTarget = Map.groupBy(deployments, (d) => d.targetId);
  const rows = sortTargets(targets).flatMap((target) => {
    const insights = computeInsights({ deployments: byTarget.get(target.id) ?? [], from, to });
    const { total, notCounted } = insights.changeFailureRate;
    if (total + notCounted.aborted + notCounted.neverStarted === 0) return [];
    const links = linksFor({ from, to, service: target.service.slug, environment: target.environment.slug });
    return [{ service: target.service, environment: target.environment, figures: toFigures(insights, links) }];
  });
  const environments = [...new Map(targets.map((t) => [t.environment.slug, t.environment])).values()]
    .sort((a, b) => a.promotionOrder - b.promotionOrder)
    .map(({ slug, name, isProduction }) => ({ slug, name, isProduction }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    service: scope.service ? (targets[0]?.service ?? { slug: scope.service, name: scope.service }) : null,
    environments,
    overall: toFigures(overall, linksFor({ from, to, service: scope.service, environment: scope.environment })),
    rows: rows.map(({ service, environment, figures }) => ({
      service,
      environment: { slug: environment.slug, name: environment.name },
      figures,
    })),
  };
}
