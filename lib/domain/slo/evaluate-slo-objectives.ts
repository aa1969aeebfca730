// Each objective against its current value: met, missed, or not judged (no data, or too few requests for a
// ratio). Never a NaN, never a made-up 100 %.
import type { SliSummary } from "./summarize-sli-rows";
import { MIN_SLI_REQUESTS, type SloObjectives } from "./slo-objectives";

export type ObjectiveId = "availability" | "error_rate" | "p95" | "p99" | "memory" | "cpu";

export type ObjectiveStatus = {
  id: ObjectiveId;
  label: string;
  unit: "%" | "ms";
  /** "above" : the value must stay above the objective (availability); "below": under it */
  direction: "above" | "below";
  objective: number;
  value: number | null;
  status: "met" | "missed" | "not_enough_data";
};

export function evaluateSloObjectives({
  objectives,
  sli,
  minRequests = MIN_SLI_REQUESTS,
}: {
  objectives: SloObjectives;
  sli: SliSummary | null;
  minRequests?: number;
}): ObjectiveStatus[] {
  const enough = sli !== null && sli.requests >= minRequests;
  const errorRate = enough ? (sli.errors / sli.requests) * 100 : null;
  const traffic = (v: number | null | undefined) => (enough ? (v ?? null) : null);
  const rows: Omit<ObjectiveStatus, "status">[] = [
    {
      id: "availability",
      label: "Availability",
      unit: "%",
      direction: "above",
      objective: objectives.uptimePercent,
      value: errorRate === null ? null : 100 - errorRate,
    },
    { id: "error_rate", label: "Error rate", unit: "%", direction: "below", objective: objectives.errorRatePercent, value: errorRate },
    { id: "p95", label: "p95 latency", unit: "ms", direction: "below", objective: objectives.p95Ms, value: traffic(sli?.p95Ms) },
    { id: "p99", label: "p99 latency", unit: "ms", direction: "below", objective: objectives.p99Ms, value: traffic(sli?.p99Ms) },
    { id: "memory", label: "Memory", unit: "%", direction: "below", objective: objectives.memoryPercent, value: sli?.memory ?? null },
    { id: "cpu", label: "CPU", unit: "%", direction: "below", objective: objectives.cpuPercent, value: sli?.cpu ?? null },
  ];
  return rows.map((row) => ({
    ...row,
    status:
      row.value === null
        ? "not_enough_data"
        : (row.direction === "above" ? row.value > row.objective : row.value < row.objective)
          ? "met"
          : "missed",
  }));
}
