// The retention policy of analysis measurements: rows older than ANALYSIS_RETENTION_DAYS are deleted. Each
// run keeps its verdict and reason, so a deployment's history still says why it was rolled back.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes measurements taken before `now` minus the retention; returns how many. Idempotent. */
export async function pruneMeasurements({ now, retentionDays = env().ANALYSIS_RETENTION_DAYS }: { now: Date; retentionDays?: number }) {
  const { count } = await db.measurement.deleteMany({ where: { measuredAt: { lt: new Date(now.getTime() - retentionDays * DAY_MS) } } });
  return count;
}
