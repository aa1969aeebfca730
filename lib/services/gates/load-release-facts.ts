// What the gates need to know about a release across all environments: the promotion order, where it has
// succeeded (for promotion), and whether its service has a smoke suite and how the suite last ran on the
// release in each environment (for readiness).
import type { Prisma, PrismaClient, Release } from "@/lib/db";
import type { PromotionEnvironment } from "@/lib/domain/evaluate-promotion";
import { listSucceededEnvironmentIds, type ReleaseDeployment } from "@/lib/domain/list-succeeded-environment-ids";
import { isRollbackOf } from "@/lib/domain/is-rollback-of";
import type { SmokeRunOutcome } from "@/lib/domain/readiness/evaluate-smoke-readiness";
import { isEmptySmokeSuite } from "@/lib/smoke/parse-smoke-suite";

type Client = PrismaClient | Prisma.TransactionClient;

export type ReleaseFacts = {
  environments: PromotionEnvironment[];
  succeededEnvironmentIds: string[];
  smoke: { hasSuite: boolean; latestRunByEnvironment: Record<string, SmokeRunOutcome> };
};

/** The newest suite run of the release per environment; the post-deploy health checks are not the suite. */
async function loadLatestSmokeRuns(client: Client, releaseId: string): Promise<Record<string, SmokeRunOutcome>> {
  const runs = await client.smokeRun.findMany({
    where: { releaseId, trigger: { not: "post_deploy" }, target: { isNot: null } },
    orderBy: { startedAt: "desc" },
    take: 200,
    select: { status: true, summary: true, target: { select: { environmentId: true } } },
  });
  const latest: Record<string, SmokeRunOutcome> = {};
  for (const run of runs) {
    const environmentId = run.target!.environmentId;
    if (latest[environmentId]) continue;
    const summary = (run.summary ?? {}) as { passedCount?: number; total?: number };
    latest[environmentId] = { status: run.status, passedCount: summary.passedCount, total: summary.total };
  }
  return latest;
}

/** A deploy is undone by a later rollback that succeeded on its target and replaced its revision. */
async function loadReleaseDeployments(client: Client, release: Pick<Release, "id">): Promise<ReleaseDeployment[]> {
  const deployments = await client.deployment.findMany({
    where: { releaseId: release.id, kind: "deploy" },
    select: { id: true, kind: true, state: true, revision: true, targetId: true, target: { select: { environmentId: true } } },
  });
  const succeeded = deployments.filter((d) => d.state === "succeeded");
  const rollbacks =
    succeeded.length === 0
      ? []
      : await client.deployment.findMany({
          where: { kind: "rollback", state: "succeeded", targetId: { in: succeeded.map((d) => d.targetId) } },
          select: { targetId: true, replacesRevision: true, rollbackOfId: true },
        });
  return deployments.map((d) => ({
    environmentId: d.target.environmentId,
    kind: d.kind,
    state: d.state,
    isRolledBack: rollbacks.some((rollback) => isRollbackOf({ rollback, deployment: d })),
  }));
}

export async function loadReleaseFacts(client: Client, release: Pick<Release, "id" | "serviceId">): Promise<ReleaseFacts> {
  const [environments, deployments, service, latestRunByEnvironment] = await Promise.all([
    // Promotion runs through the environments this service is deployed to, in their promotion order.
    client.environment.findMany({
      where: { targets: { some: { serviceId: release.serviceId } } },
      select: { id: true, slug: true, promotionOrder: true },
      orderBy: { promotionOrder: "asc" },
    }),
    loadReleaseDeployments(client, release),
    client.service.findUniqueOrThrow({ where: { id: release.serviceId }, select: { smokeSuite: true } }),
    loadLatestSmokeRuns(client, release.id),
  ]);
  return {
    environments,
    succeededEnvironmentIds: listSucceededEnvironmentIds({ deployments }),
    smoke: { hasSuite: !isEmptySmokeSuite(service.smokeSuite), latestRunByEnvironment },
  };
}
