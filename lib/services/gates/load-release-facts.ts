// What the gates need to know about a release across all environments: the promotion order, where it has
// succeeded (for promotion), and the size of its service's smoke suite (for readiness).
import type { Prisma, PrismaClient, Release } from "@/lib/db";
import type { PromotionEnvironment } from "@/lib/domain/evaluate-promotion";
import { listSucceededEnvironmentIds, type ReleaseDeployment } from "@/lib/domain/list-succeeded-environment-ids";
import { storedSmokeChecks } from "@/lib/smoke/parse-smoke-suite";

type Client = PrismaClient | Prisma.TransactionClient;

export type ReleaseFacts = {
  environments: PromotionEnvironment[];
  succeededEnvironmentIds: string[];
  smokeSuiteSize: number;
};

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
    isRolledBack: rollbacks.some(
      (r) => r.rollbackOfId === d.id || (r.targetId === d.targetId && d.revision !== null && r.replacesRevision === d.revision),
    ),
  }));
}

export async function loadReleaseFacts(client: Client, release: Pick<Release, "id" | "serviceId">): Promise<ReleaseFacts> {
  const [environments, deployments, service] = await Promise.all([
    // Promotion runs through the environments this service is deployed to, in their promotion order.
    client.environment.findMany({
      where: { targets: { some: { serviceId: release.serviceId } } },
      select: { id: true, slug: true, promotionOrder: true },
      orderBy: { promotionOrder: "asc" },
    }),
    loadReleaseDeployments(client, release),
    client.service.findUniqueOrThrow({ where: { id: release.serviceId }, select: { smokeSuite: true } }),
  ]);
  return {
    environments,
    succeededEnvironmentIds: listSucceededEnvironmentIds({ deployments }),
    smokeSuiteSize: storedSmokeChecks(service.smokeSuite).length,
  };
}
