// The health of the Overview's cells, for any number of targets in a fixed number of grouped queries (never
// one per target): the open alerts by severity, the last hour's requests and errors in twelve 5-minute slots
// from the minute rollups, and the 30-day budget's counts (sli/sum-budget-window.ts, as the SLO pages read them). The decision is lib/domain/overview/decide-cell-health.ts; the budget math is
// computeErrorBudget's. A Prometheus-sourced target keeps no rollups, so it shows its alerts and "not enough
// data": the Overview does not query Prometheus for hundreds of cells.
import { db } from "@/lib/db";
import { decideCellHealth, type CellHealth, type OpenAlertCounts } from "@/lib/domain/overview/decide-cell-health";
import { computeErrorBudget, type ErrorBudget } from "@/lib/domain/slo/compute-error-budget";
import { MIN_SLI_REQUESTS, readSloObjectives } from "@/lib/domain/slo/slo-objectives";
import { sumBudgetWindow } from "@/lib/services/sli/sum-budget-window";

const HOUR_MS = 3_600_000;
const SLOT_MS = 300_000;
export const SPARK_SLOTS = 12;

export type OverviewHealth = CellHealth & {
  openAlerts: OpenAlertCounts;
  /** the last hour's counts; the percentages are null below the minimum number of requests */
  lastHour: { requests: number; errors: number; availabilityPercent: number | null; errorRatePercent: number | null };
  /** the error rate in percent of each 5-minute slot, oldest first; null where a slot had no requests */
  sparkline: (number | null)[];
  budget: ErrorBudget & { objectivePercent: number };
};

type Count = bigint | number | null;
const iso = (ms: number) => new Date(ms).toISOString();
const num = (value: Count) => (value === null ? 0 : Number(value));

function loadAlerts(targetIds: string[]) {
  return db.$queryRaw<{ targetId: string; severity: keyof OpenAlertCounts; count: Count }[]>`
    SELECT "targetId", severity::text AS severity, count(*) AS count FROM "Alert"
    WHERE "resolvedAt" IS NULL AND "targetId" = ANY(${targetIds}::text[]) GROUP BY 1, 2`;
}

function loadSlots(targetIds: string[], nowMs: number) {
  return db.$queryRaw<{ targetId: string; slot: number; requests: Count; errors: Count }[]>`
    SELECT "targetId", floor(extract(epoch FROM ("bucketStart" - ${iso(nowMs - HOUR_MS)}::timestamp)) / ${SLOT_MS / 1000})::int AS slot,
           sum(requests) AS requests, sum(errors) AS errors
    FROM "SliRollup"
    WHERE resolution = 'minute' AND "targetId" = ANY(${targetIds}::text[])
      AND "bucketStart" >= ${iso(nowMs - HOUR_MS)}::timestamp AND "bucketStart" < ${iso(nowMs)}::timestamp
    GROUP BY 1, 2`;
}

const percent = (part: number, whole: number) => (whole >= MIN_SLI_REQUESTS ? (part / whole) * 100 : null);

/** Health by target id, for these targets (each with its service's stored SLOs). */
export async function loadCellHealth({ targets, now }: { targets: { targetId: string; slos: unknown }[]; now: Date }) {
  const ids = targets.map((t) => t.targetId);
  const nowMs = now.getTime();
  const [alerts, slots, monthOf] =
    ids.length === 0
      ? [[], [], new Map()]
      : await Promise.all([loadAlerts(ids), loadSlots(ids, nowMs), sumBudgetWindow({ targetIds: ids, nowMs })]);
  const [alertsOf, slotsOf] = [Map.groupBy(alerts, (r) => r.targetId), Map.groupBy(slots, (r) => r.targetId)];
  const health = new Map<string, OverviewHealth>();
  for (const { targetId, slos } of targets) {
    const openAlerts: OpenAlertCounts = { P1: 0, P2: 0, P3: 0, P4: 0 };
    for (const row of alertsOf.get(targetId) ?? []) openAlerts[row.severity] = num(row.count);
    const mine = slotsOf.get(targetId) ?? [];
    const requests = mine.reduce((sum, row) => sum + num(row.requests), 0);
    const errors = mine.reduce((sum, row) => sum + num(row.errors), 0);
    const sparkline = Array.from({ length: SPARK_SLOTS }, (_, slot) => {
      const row = mine.find((r) => r.slot === slot);
      return row && num(row.requests) > 0 ? (num(row.errors) / num(row.requests)) * 100 : null;
    });
    const month = monthOf.get(targetId);
    const objectivePercent = readSloObjectives(slos).uptimePercent;
    const budget = {
      ...computeErrorBudget({ objectivePercent, total: month?.requests ?? 0, bad: month?.errors ?? 0 }),
      objectivePercent,
    };
    const lastHour = {
      requests,
      errors,
      availabilityPercent: percent(requests - errors, requests),
      errorRatePercent: percent(errors, requests),
    };
    health.set(targetId, { ...decideCellHealth({ openAlerts, lastHour, budget }), openAlerts, lastHour, sparkline, budget });
  }
  return health;
}
