// Set-up shared by the release-flow integration tests: a staging → production pair (adjacent promotion
// orders, so other tests' environments never sit between them), a service with a smoke suite and a target
// in each, people of every role with API tokens, and releases.
import { randomBytes } from "node:crypto";
import { generateApiToken } from "@/lib/auth/api-token";
import type { Role } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { getDb } from "@/lib/db";
import { PRODUCTION_ALLOW_WINDOWS } from "@/lib/domain/document-defaults";

export type Person = { principal: Principal; token: string };

export async function createPerson(role: Role, name: string): Promise<Person> {
  const db = getDb();
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}@release.test`;
  const user = await db.user.create({ data: { email, name, role } });
  const { token, prefix, tokenHash } = generateApiToken();
  await db.apiToken.create({ data: { name: `${name} token`, prefix, tokenHash, role, ownerId: user.id } });
  return { principal: { kind: "user", userId: user.id, email, name, role, label: email }, token };
}

export const digestOf = (seed: string) => `sha256:${Buffer.from(seed.padEnd(32, "0")).toString("hex").slice(0, 64)}`;

export async function createReleaseWorld() {
  const db = getDb();
  const tag = randomBytes(3).toString("hex");
  const order = 2_000_000 + 2 * Math.floor(Math.random() * 1_000_000);
  const staging = await db.environment.create({ data: { slug: `stg-${tag}`, name: `Staging ${tag}`, promotionOrder: order } });
  const production = await db.environment.create({
    data: {
      slug: `prod-${tag}`,
      name: `Production ${tag}`,
      promotionOrder: order + 1,
      isProduction: true,
      timezone: "Europe/Berlin",
      requiredApprovals: 2,
      allowWindows: PRODUCTION_ALLOW_WINDOWS.map((w) => ({ ...w, days: [...w.days] })),
    },
  });
  const service = await db.service.create({
    data: { slug: `svc-${tag}`, name: `Service ${tag}`, smokeSuite: [{ name: "Health", kind: "http", path: "/health" }] },
  });
  const stagingTarget = await db.target.create({ data: { serviceId: service.id, environmentId: staging.id } });
  const productionTarget = await db.target.create({ data: { serviceId: service.id, environmentId: production.id } });
  const people = {
    author: await createPerson("developer", "Dana Developer"),
    developer: await createPerson("developer", "Devon Developer"),
    rm1: await createPerson("release_manager", "Rita Release"),
    rm2: await createPerson("release_manager", "Remy Release"),
    admin: await createPerson("admin", "Ada Admin"),
    oncall: await createPerson("oncall", "Otto Oncall"),
    viewer: await createPerson("viewer", "Vera Viewer"),
  };
  let releases = 0;
  const createRelease = (options: { hotfix?: boolean; version?: string } = {}) => {
    const version = options.version ?? `1.${(releases += 1)}.0`;
    return db.release.create({
      data: {
        serviceId: service.id,
        version,
        image: `svc:${version}`,
        digest: digestOf(`${tag}${version}`),
        authorId: people.author.principal.userId,
        hotfix: options.hotfix ?? false,
        notes: `Notes of ${version}`,
      },
    });
  };
  /** Records a finished deploy of the release to a target (as the engine would), so promotion sees it. */
  // A deploy as the engine leaves it: a succeeded one ran its smoke suite before traffic, and it passed (a
  // failed one may have failed anywhere, so it records no run).
  const recordDeploy = async (releaseId: string, targetId: string, state: "succeeded" | "failed" = "succeeded") => {
    const revision = `rev-${randomBytes(3).toString("hex")}`;
    const deployment = await db.deployment.create({
      data: { releaseId, targetId, kind: "deploy", strategy: "rolling", state, revision, finishedAt: new Date() },
    });
    if (state !== "succeeded") return deployment;
    await db.smokeRun.create({
      data: {
        deploymentId: deployment.id,
        serviceId: service.id,
        targetId,
        releaseId,
        revision,
        url: "http://127.0.0.1:1/",
        trigger: "pre_traffic",
        status: "passed",
        summary: { passed: true, total: 1, passedCount: 1 },
        finishedAt: new Date(),
      },
    });
    return deployment;
  };
  return { tag, staging, production, service, stagingTarget, productionTarget, people, createRelease, recordDeploy };
}

/** Rows that a refused request must leave as they were. */
export async function countRows(): Promise<Record<string, number>> {
  const db = getDb();
  const [approvals, deployments, reviews, freezes, audit] = await Promise.all([
    db.approval.count(),
    db.deployment.count(),
    db.review.count(),
    db.freeze.count(),
    db.auditEvent.count(),
  ]);
  return { approvals, deployments, reviews, freezes, audit };
}
