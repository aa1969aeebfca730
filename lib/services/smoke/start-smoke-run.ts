// POST /api/v1/smoke-runs: records a `running` manual run and queues it for a worker. Against a target, the
// URL is the target's own as its provider reports it now (the revision serving traffic); against a URL, the
// named service's suite runs there. Nothing is stored when the input is refused.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import { smokeRunJobId } from "@/lib/queue/job-id";
import type { StartSmokeRunInput } from "@/lib/schemas/smoke-runs";
import { getProvider } from "@/lib/services/rollout/get-provider";
import { providerTargetSelect, toProviderTarget } from "@/lib/services/rollout/provider-target";
import { createSmokeRun, type NewSmokeRun } from "./record-smoke-run";
import { loadServiceSuite } from "./load-service-suite";

async function forTarget(targetId: string): Promise<NewSmokeRun> {
  const target = await db.target.findUnique({
    where: { id: targetId },
    select: { ...providerTargetSelect, serviceId: true, currentRevision: true, currentReleaseId: true },
  });
  if (!target)
    throw new AppError("validation", `There is no target ${targetId}.`, { fields: [{ path: "body.targetId", message: "no such target" }] });
  const status = await getProvider(target.providerType).getStatus({ target: toProviderTarget(target) });
  if (!status.url)
    throw new AppError("conflict", "The target's provider reports no URL to run the suite against: is anything deployed there?");
  return {
    serviceId: target.serviceId,
    targetId: target.id,
    releaseId: target.currentReleaseId,
    revision: target.currentRevision,
    url: status.url,
    trigger: "manual",
  };
}

async function forUrl(url: string, service: string): Promise<NewSmokeRun> {
  const found = await db.service.findFirst({ where: { OR: [{ slug: service }, { id: service }] }, select: { id: true } });
  if (!found)
    throw new AppError("validation", `There is no service "${service}".`, {
      fields: [{ path: "body.service", message: "no such service" }],
    });
  return { serviceId: found.id, url, trigger: "manual" };
}

export async function startSmokeRun({ principal, input }: { principal: Principal; input: StartSmokeRunInput }): Promise<{ id: string }> {
  const run = input.targetId ? await forTarget(input.targetId) : await forUrl(input.url!, input.service!);
  if (!(await loadServiceSuite(run.serviceId)))
    throw new AppError("conflict", "This service has no smoke suite yet: add checks in Settings › Services first.");
  const id = await db.$transaction(async (tx) => {
    const runId = await createSmokeRun({ ...run, startedById: principal.userId }, tx);
    await recordAudit(tx, actorOf(principal), {
      action: "smoke_run.start",
      subjectType: "smoke_run",
      subjectId: runId,
      details: { serviceId: run.serviceId, targetId: run.targetId ?? null, url: run.url },
    });
    return runId;
  });
  await enqueue("smoke.run", { runId: id }, { jobId: smokeRunJobId({ runId: id }) });
  return { id };
}
