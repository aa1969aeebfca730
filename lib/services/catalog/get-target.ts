// One target as its page and the API read it: what the rollout reports (provider status, history; see
// get-target-status) plus where analysis reads the target's metrics and the PromQL that would run. The metrics
// part lives here rather than in the rollout's read so the catalog owns every view of its own settings.
import { db } from "@/lib/db";
import { getTargetStatus } from "@/lib/services/rollout/get-target-status";
import { metricsSourceView } from "./target-view";

export async function getTarget(id: string) {
  const [status, row] = await Promise.all([getTargetStatus(id), db.target.findUnique({ where: { id }, select: { metricsSource: true } })]);
  return { ...status, ...metricsSourceView(row?.metricsSource) };
}

export type TargetDetailView = Awaited<ReturnType<typeof getTarget>>;
