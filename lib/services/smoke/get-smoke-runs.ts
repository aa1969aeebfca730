// Reading smoke runs: one run, a deployment's runs, a service's (or target's) history, and the latest run of
// a release per environment.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { smokeRunSelect, toSmokeRunView, type SmokeRunView } from "./smoke-run-view";

export async function getSmokeRun(id: string): Promise<SmokeRunView> {
  const row = await db.smokeRun.findUnique({ where: { id }, select: smokeRunSelect });
  if (!row) throw new AppError("not_found", `There is no smoke run ${id}.`);
  return toSmokeRunView(row);
}

export async function listDeploymentSmokeRuns(deploymentId: string): Promise<{ items: SmokeRunView[] }> {
  const exists = await db.deployment.findUnique({ where: { id: deploymentId }, select: { id: true } });
  if (!exists) throw new AppError("not_found", `There is no deployment ${deploymentId}.`);
  const rows = await db.smokeRun.findMany({ where: { deploymentId }, orderBy: { startedAt: "asc" }, select: smokeRunSelect });
  return { items: rows.map(toSmokeRunView) };
}

/** History, newest first; `service` is a slug or an id. */
export async function listSmokeRuns(query: { service?: string; target?: string; limit: number }): Promise<{ items: SmokeRunView[] }> {
  const rows = await db.smokeRun.findMany({
    where: {
      ...(query.service ? { service: { OR: [{ slug: query.service }, { id: query.service }] } } : {}),
      ...(query.target ? { targetId: query.target } : {}),
    },
    orderBy: { startedAt: "desc" },
    take: query.limit,
    select: smokeRunSelect,
  });
  return { items: rows.map(toSmokeRunView) };
}

/** The newest finished-or-running run of a release per environment (by the target it ran on), keyed by environment id. */
export async function latestSmokeRunsOfRelease(releaseId: string): Promise<Record<string, SmokeRunView>> {
  const rows = await db.smokeRun.findMany({
    where: { releaseId, targetId: { not: null } },
    orderBy: { startedAt: "desc" },
    take: 200,
    select: smokeRunSelect,
  });
  const latest: Record<string, SmokeRunView> = {};
  for (const row of rows) {
    const environmentId = row.target?.environment.id;
    if (environmentId && !latest[environmentId]) latest[environmentId] = toSmokeRunView(row);
  }
  return latest;
}
