// GET /api/v1/slos: per service × environment (each active target), the objectives, their current values,
// the error budget over the rolling 30 days with good / total / allowed bad, the burn rates, which burn-rate
// rule fires, and whether the environment's error-budget freeze holds deploys now.
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Page } from "@/lib/schemas/common";
import { describeTargetSlo, type TargetSloView } from "@/lib/domain/slo/describe-target-slo";
import { readSloObjectives, type SloObjectives } from "@/lib/domain/slo/slo-objectives";
import { loadRollupSloWindows, loadSloWindows, sloHistorySource, type SloWindows } from "./load-slo-windows";

export type TargetSlo = {
  targetId: string;
  service: { id: string; slug: string; name: string; owner: string | null };
  environment: { id: string; slug: string; name: string; budgetFreeze: boolean };
  /** where the numbers come from: Flightdeck's rollups, or the target's Prometheus */
  source: "rollups" | "prometheus";
  objectives: SloObjectives;
  /** null when the source could not be read; `error` says why */
  slo: TargetSloView | null;
  error: string | null;
};

export async function listSlos({
  service,
  environment,
  target,
  page = 1,
  pageSize = 50,
  now,
}: {
  service?: string;
  environment?: string;
  /** one target's id */
  target?: string;
  page?: number;
  pageSize?: number;
  now?: Date;
}): Promise<Page<TargetSlo>> {
  const at = now ?? (await clockNow());
  const where = {
    archivedAt: null,
    ...(target ? { id: target } : {}),
    service: { archivedAt: null, ...(service ? { slug: service } : {}) },
    ...(environment ? { environment: { slug: environment } } : {}),
  };
  const [total, targets] = await Promise.all([
    db.target.count({ where }),
    db.target.findMany({
      where,
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        metricsSource: true,
        service: { select: { id: true, slug: true, name: true, owner: true, slos: true } },
        environment: { select: { id: true, slug: true, name: true, budgetFreeze: true, promotionOrder: true } },
      },
      orderBy: [{ service: { slug: "asc" } }, { environment: { promotionOrder: "asc" } }],
    }),
  ]);
  // The page's rollup targets in one batch of grouped queries; a Prometheus target is asked on its own.
  const rollups = targets.filter((t) => sloHistorySource(t.metricsSource) === "rollups");
  const batch = loadRollupSloWindows({
    targets: rollups.map((t) => ({ targetId: t.id, objectivePercent: readSloObjectives(t.service.slos).uptimePercent })),
    now: at,
  });
  batch.catch(() => undefined); // each row reports the failure instead
  const items = await Promise.all(targets.map((target) => describeTarget(target, at, batch)));
  return { items, total, page, pageSize };
}

export async function describeTarget(
  target: {
    id: string;
    metricsSource: unknown;
    service: { id: string; slug: string; name: string; owner: string | null; slos: unknown };
    environment: { id: string; slug: string; name: string; budgetFreeze: boolean };
  },
  now: Date,
  /** the rollup windows of the page, loaded together; a target not in it reads its own */
  batch?: Promise<Map<string, SloWindows>>,
): Promise<TargetSlo> {
  const objectives = readSloObjectives(target.service.slos);
  const { id, slug, name, owner } = target.service;
  const base = { targetId: target.id, service: { id, slug, name, owner }, environment: target.environment, objectives };
  const source = sloHistorySource(target.metricsSource);
  try {
    const { windows, hours } =
      (await batch)?.get(target.id) ??
      (await loadSloWindows({
        targetId: target.id,
        metricsSource: target.metricsSource,
        objectivePercent: objectives.uptimePercent,
        now,
      }));
    const slo = describeTargetSlo({ objectives, windows, hours, budgetFreeze: target.environment.budgetFreeze, now });
    return { ...base, source, slo, error: null };
  } catch (error) {
    return { ...base, source, slo: null, error: (error as Error).message };
  }
}
