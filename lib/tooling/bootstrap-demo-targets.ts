// The demo's seed says which release runs on each target; on one machine nothing runs until it is deployed.
// This starts a rolling deploy of that release on every local or Kubernetes target (and the demo's Cloud Run
// one) that serves nothing — through the rollout engine, as the demo admin, recorded in the audit log — so the
// demo opens on live services.
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import { planRollout, type RolloutStep } from "@/lib/domain/plan-rollout";
import { createDeploymentRecord } from "@/lib/services/rollout/create-deployment-record";
import { getProvider } from "@/lib/services/rollout/get-provider";
import { type ProviderTargetRow, toProviderTarget } from "@/lib/services/rollout/provider-target";
import { queueStep } from "@/lib/services/rollout/queue-step";

async function isServing(target: ProviderTargetRow): Promise<boolean> {
  const status = await getProvider(target.providerType).getStatus({ target: toProviderTarget(target) });
  return status.revisions.some((r) => r.healthy && r.traffic > 0);
}

function loadTargets(targetIds?: string[]) {
  return db.target.findMany({
    where: {
      providerType: { in: ["local", "kubernetes", "cloudrun"] },
      currentReleaseId: { not: null },
      deployments: { none: { activeTargetId: { not: null } } },
      ...(targetIds ? { id: { in: targetIds } } : {}),
    },
    include: { currentRelease: { include: { service: true } }, environment: true },
  });
}

export async function bootstrapDemoTargets({ adminEmail, targetIds }: { adminEmail: string; targetIds?: string[] }): Promise<string[]> {
  const admin = await db.user.findUniqueOrThrow({ where: { email: adminEmail } });
  const principal: Principal = {
    kind: "user",
    userId: admin.id,
    email: admin.email,
    name: admin.name,
    role: admin.role,
    label: `${admin.email} (demo start)`,
  };
  const plan = planRollout({ strategy: "rolling", canarySteps: [100], stepPauseSeconds: null });
  if (!plan.ok) throw new Error(plan.reason);
  const targets = await loadTargets(targetIds);
  const started: string[] = [];
  for (const target of targets) {
    try {
      if (target.currentRelease && !(await isServing(target))) started.push(await startTarget(principal, target, plan.steps));
    } catch (error) {
      // One misconfigured target must not keep the rest of the demo from starting.
      console.warn(`demo: could not start ${target.currentRelease?.service.slug}/${target.environment.slug}: ${(error as Error).message}`);
    }
  }
  return started;
}

type BootTarget = Awaited<ReturnType<typeof loadTargets>>[number];

async function startTarget(principal: Principal, target: BootTarget, steps: RolloutStep[]): Promise<string> {
  const release = target.currentRelease!;
  const created = await createDeploymentRecord({
    principal,
    release,
    environment: target.environment,
    target,
    strategy: "rolling",
    steps,
    review: null,
    waitUntil: null,
  });
  await recordAudit(db, actorOf(principal), {
    action: "demo.target_started",
    subjectType: "target",
    subjectId: target.id,
    details: { deploymentId: created.id, version: release.version },
  });
  await queueStep({ id: created.id, currentStep: 0, generation: 0, resumeAt: null });
  return `${release.service.slug}/${target.environment.slug}`;
}
