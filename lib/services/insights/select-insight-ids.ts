// The ids of the deployments behind one Insights figure, computed by the same function as the figure, so
// the Deployments list filtered by it shows exactly what the figure counts.
import type { Insights } from "@/lib/domain/insights/insight-types";
import type { InsightScope, InsightSet } from "@/lib/schemas/insights";
import { loadInsights } from "./get-insights";

function idsOf(insights: Insights, set: InsightSet): string[] {
  const failures = insights.timeToRestore.failures;
  switch (set) {
    case "deployments":
      return insights.deploymentFrequency.deploymentIds;
    case "lead_time":
      return insights.leadTime.deploymentIds;
    case "changes":
      return insights.changeFailureRate.countedIds;
    case "change_failures":
      return insights.changeFailureRate.failureIds;
    case "restored":
      return failures.filter((f) => f.restoredAt !== null).map((f) => f.deploymentId);
    case "not_restored":
      return failures.filter((f) => f.restoredAt === null).map((f) => f.deploymentId);
  }
}

export async function selectInsightIds({ set, scope, now }: { set: InsightSet; scope: InsightScope; now: Date }): Promise<string[]> {
  const { overall } = await loadInsights({ scope, now });
  return idsOf(overall, set);
}
