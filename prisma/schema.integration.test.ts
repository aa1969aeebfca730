// The database enforces the rules the product relies on, whatever the application code does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";

const db = () => getDb();

beforeAll(async () => {
  await seedDemo();
});
afterAll(async () => {
  await disconnectDb();
});

async function productionTarget() {
  return db().target.findFirstOrThrow({
    where: { environment: { slug: "production" }, service: { slug: "mahavishnu-mcp" } },
    include: { service: { include: { releases: true } } },
  });
}

describe("database rules", () => {
  it("allows at most one active deployment per target", async () => {
    const target = await productionTarget();
    const release = target.service.releases[0]!;
    const first = await db().deployment.create({
      data: { releaseId: release.id, targetId: target.id, strategy: "canary", activeTargetId: target.id },
    });
    await expect(
      db().deployment.create({ data: { releaseId: release.id, targetId: target.id, strategy: "canary", activeTargetId: target.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // Once the first one ends, the target is free again.
    await db().deployment.update({ where: { id: first.id }, data: { state: "succeeded", activeTargetId: null } });
    const second = await db().deployment.create({
      data: { releaseId: release.id, targetId: target.id, strategy: "rolling", activeTargetId: target.id },
    });
    await db().deployment.update({ where: { id: second.id }, data: { state: "aborted", activeTargetId: null } });
  });

  it("refuses an activeTargetId that is not the deployment's own target", async () => {
    const target = await productionTarget();
    const other = await db().target.findFirstOrThrow({ where: { id: { not: target.id } } });
    await expect(
      db().deployment.create({
        data: { releaseId: target.service.releases[0]!.id, targetId: target.id, strategy: "rolling", activeTargetId: other.id },
      }),
    ).rejects.toThrow(/activeTargetId_check|check constraint/i);
  });

  it("keeps one approval per release × environment × user", async () => {
    const target = await productionTarget();
    const release = target.service.releases[0]!;
    const user = await db().user.findFirstOrThrow({ where: { role: "admin" } });
    const data = {
      releaseId: release.id,
      environmentId: target.environmentId,
      userId: user.id,
      decision: "approve" as const,
      digest: release.digest,
    };
    await db().approval.create({ data });
    await expect(db().approval.create({ data: { ...data, decision: "reject" } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("makes the audit log append-only", async () => {
    const event = await db().auditEvent.create({ data: { actorLabel: "test", action: "test.appended", subjectType: "test" } });
    await expect(db().auditEvent.update({ where: { id: event.id }, data: { action: "test.rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it("seeds the documents' catalog once, however often the seed runs", async () => {
    const counts = async () => [
      await db().user.count(),
      await db().service.count(),
      await db().release.count(),
      await db().deployment.count(),
    ];
    const before = await counts();
    await seedDemo();
    expect(await counts()).toEqual(before);
    // Other test files add services of their own to this run's database; the seed's are the documents'.
    const services = await db().service.findMany({
      where: { slug: { in: ["akosha", "mahavishnu-mcp", "session-buddy"] } },
      orderBy: { slug: "asc" },
      include: { targets: true },
    });
    expect(services.map((s) => s.slug)).toEqual(["akosha", "mahavishnu-mcp", "session-buddy"]);
    expect(services.every((s) => s.targets.length === 2)).toBe(true);
    const production = await db().environment.findUniqueOrThrow({ where: { slug: "production" } });
    expect(production).toMatchObject({ isProduction: true, requiredApprovals: 2, allowSelfApproval: false });
    expect(production.allowWindows).toEqual([{ days: [1, 2, 3, 4], start: "10:00", end: "16:00" }]);
    expect(new Set((await db().user.findMany()).map((u) => u.role))).toEqual(
      new Set(["admin", "release_manager", "oncall", "developer", "viewer"]),
    );
  });
});
