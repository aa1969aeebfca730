// The range an Insights scope reads: explicit from/to, or the named range ending at `to` (now by default).
import { INSIGHT_RANGES, type InsightScope } from "@/lib/schemas/insights";

export function resolveInsightWindow({ scope, now }: { scope: InsightScope; now: Date }): { from: Date; to: Date } {
  const to = scope.to ?? now;
  const from = scope.from ?? new Date(to.getTime() - INSIGHT_RANGES[scope.range] * 86_400_000);
  return { from, to };
}
