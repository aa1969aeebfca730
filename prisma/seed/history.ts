// Releases with some history per service: older versions promoted to production, a failed production
// deploy that was rolled back, and a newest version waiting in staging. Written once per service.
import { createHash } from "node:crypto";
import type { DeploymentState, PrismaClient, Release, Strategy } from "@/lib/db";

type Ctx = { db: PrismaClient; users: Record<string, string>; staging: { id: string }; production: { id: string } };
type Service = { id: string; slug: string };

const DAY = 24 * 60 * 60 * 1000;

function digestOf(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

async function recordDeployment(
  ctx: Ctx,
  input: {
    releaseId: string;
    targetId: string;
    kind?: "deploy" | "rollback";
    strategy: Strategy;
    state: DeploymentState;
    at: Date;
    revision: string;
    replaces?: string;
    rollbackOfId?: string;
    reason?: string;
    error?: string;
  },
) {
  const finishedAt = new Date(input.at.getTime() + 6 * 60 * 1000);
  const deployment = await ctx.db.deployment.create({
    data: {
      releaseId: input.releaseId,
      targetId: input.targetId,
      kind: input.kind ?? "deploy",
      strategy: input.strategy,
      state: input.state,
      trafficPercent: input.state === "succeeded" ? 100 : 0,
      revision: input.revision,
      replacesRevision: input.replaces,
      rollbackOfId: input.rollbackOfId,
      reason: input.reason,
      error: input.error,
      startedById: input.kind === "rollback" ? ctx.users.oncall : ctx.users.release_manager,
      createdAt: input.at,
      startedAt: input.at,
      finishedAt,
    },
  });
  const events = [
    { type: "state_changed", message: "Deployment started", createdAt: input.at },
    { type: "step_finished", message: `Revision ${input.revision} is ready`, createdAt: new Date(input.at.getTime() + 60_000) },
    input.error
      ? { type: "error", message: input.error, createdAt: new Date(finishedAt.getTime() - 60_000) }
      : { type: "traffic_set", message: "100% of traffic on the new revision", createdAt: new Date(finishedAt.getTime() - 60_000) },
    { type: "state_changed", message: `Deployment ${input.state.replace("_", " ")}`, createdAt: finishedAt },
  ];
  await ctx.db.deploymentEvent.createMany({ data: events.map((e) => ({ ...e, deploymentId: deployment.id })) });
  return deployment;
}

export async function seedHistory(ctx: Ctx, service: Service, index: number): Promise<void> {
  if ((await ctx.db.release.count({ where: { serviceId: service.id } })) > 0) return;
  const now = Date.now();
  const targets = await ctx.db.target.findMany({ where: { serviceId: service.id } });
  const stagingTarget = targets.find((t) => t.environmentId === ctx.staging.id)!;
  const productionTarget = targets.find((t) => t.environmentId === ctx.production.id)!;
  const versions = ["1.0.0", "1.1.0", "1.2.0"];
  const releases: Release[] = [];
  for (const [i, version] of versions.entries()) {
    releases.push(
      await ctx.db.release.create({
        data: {
          serviceId: service.id,
          version,
          image: `registry.example.com/mcp/${service.slug}:${version}`,
          digest: digestOf(`${service.slug}@${version}`),
          commitSha: createHash("sha1").update(`${service.slug}${version}`).digest("hex"),
          // committed a few hours before the build was recorded: the start of its lead time (Insights)
          committedAt: new Date(now - (20 - i * 7 + index) * DAY - (3 + i * 5) * 60 * 60 * 1000),
          notes: i === 2 ? "Faster tool listing; retries on upstream timeouts" : `Release ${version}`,
          authorId: ctx.users.developer!,
          createdAt: new Date(now - (20 - i * 7 + index) * DAY),
        },
      }),
    );
  }
  const [v1, v2, v3] = releases as [Release, Release, Release];
  const rev = (v: string, env: string) => `${service.slug}-${env}-${v.replaceAll(".", "-")}`;
  const at = (r: Release, hours: number) => new Date(r.createdAt.getTime() + hours * 60 * 60 * 1000);

  await recordDeployment(ctx, {
    releaseId: v1.id,
    targetId: stagingTarget.id,
    strategy: "rolling",
    state: "succeeded",
    at: at(v1, 1),
    revision: rev(v1.version, "stg"),
  });
  await recordDeployment(ctx, {
    releaseId: v1.id,
    targetId: productionTarget.id,
    strategy: "canary",
    state: "succeeded",
    at: at(v1, 26),
    revision: rev(v1.version, "prd"),
  });
  await recordDeployment(ctx, {
    releaseId: v2.id,
    targetId: stagingTarget.id,
    strategy: "rolling",
    state: "succeeded",
    at: at(v2, 1),
    revision: rev(v2.version, "stg"),
    replaces: rev(v1.version, "stg"),
  });

  let productionRelease = v2;
  if (service.slug === "akosha") {
    // The runbook's case: error rate above 5% after a production deploy, rolled back by on-call.
    const failed = await recordDeployment(ctx, {
      releaseId: v2.id,
      targetId: productionTarget.id,
      strategy: "canary",
      state: "rolled_back",
      at: at(v2, 26),
      revision: rev(v2.version, "prd"),
      replaces: rev(v1.version, "prd"),
      error: "Error rate 7.2% > 5% over 5 min at the 10% step",
    });
    await recordDeployment(ctx, {
      releaseId: v1.id,
      targetId: productionTarget.id,
      kind: "rollback",
      strategy: "rolling",
      state: "succeeded",
      at: at(v2, 26.2),
      revision: rev(v1.version, "prd"),
      replaces: rev(v2.version, "prd"),
      rollbackOfId: failed.id,
      reason: "Error rate above 5% during canary",
    });
    productionRelease = v1;
  } else {
    await recordDeployment(ctx, {
      releaseId: v2.id,
      targetId: productionTarget.id,
      strategy: "canary",
      state: "succeeded",
      at: at(v2, 26),
      revision: rev(v2.version, "prd"),
      replaces: rev(v1.version, "prd"),
    });
  }
  await recordDeployment(ctx, {
    releaseId: v3.id,
    targetId: stagingTarget.id,
    strategy: "rolling",
    state: "succeeded",
    at: at(v3, 1),
    revision: rev(v3.version, "stg"),
    replaces: rev(v2.version, "stg"),
  });

  await ctx.db.target.update({
    where: { id: stagingTarget.id },
    data: { currentReleaseId: v3.id, currentRevision: rev(v3.version, "stg") },
  });
  await ctx.db.target.update({
    where: { id: productionTarget.id },
    data: { currentReleaseId: productionRelease.id, currentRevision: rev(productionRelease.version, "prd") },
  });
  if (service.slug === "session-buddy") {
    await ctx.db.approval.create({
      data: {
        releaseId: v3.id,
        environmentId: ctx.production.id,
        userId: ctx.users.release_manager!,
        decision: "approve",
        comment: "Staging soak looks clean",
        digest: v3.digest,
      },
    });
  }
}
