// Recording releases against the real database: validation of the service, duplicates, the audit entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/auth/principal";
import { disconnectDb, getDb } from "@/lib/db";
import { createRelease } from "./create-release";

let principal: Principal;
const digest = `sha256:${"ab".repeat(32)}`;

beforeAll(async () => {
  const db = getDb();
  const user = await db.user.create({ data: { email: "ci-author@release.test", name: "CI", role: "developer" } });
  await db.service.upsert({ where: { slug: "release-test" }, update: {}, create: { slug: "release-test", name: "Release test" } });
  principal = { kind: "token", userId: user.id, email: user.email, name: "ci", role: "developer", label: "token:ci" };
});
afterAll(() => disconnectDb());

describe("createRelease", () => {
  it("records the release with its author and audits it", async () => {
    const release = await createRelease({
      principal,
      input: { service: "release-test", version: "1.0.0", image: "r/x:1.0.0", digest, hotfix: false },
    });
    expect(release).toMatchObject({
      version: "1.0.0",
      digest,
      hotfix: false,
      author: { email: "ci-author@release.test" },
      service: { slug: "release-test" },
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "release.created", subjectId: release.id } });
    expect(audit).toMatchObject({ actorLabel: "token:ci", actorId: principal.userId });
    expect(audit.details).toMatchObject({ service: "release-test", version: "1.0.0", digest });
  });

  it("refuses a second release of the same version with 409 naming the existing one", async () => {
    const first = await getDb().release.findFirstOrThrow({ where: { version: "1.0.0", service: { slug: "release-test" } } });
    const error = await createRelease({
      principal,
      input: { service: "release-test", version: "1.0.0", image: "r/x:1.0.0", digest, hotfix: false },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "conflict", extra: { releaseId: first.id } });
  });

  it("refuses an unknown service with a field error and writes nothing", async () => {
    const before = await getDb().release.count();
    const error = await createRelease({
      principal,
      input: { service: "no-such-service", version: "1.0.0", image: "r/x", digest, hotfix: false },
    }).catch((e) => e);
    expect(error).toMatchObject({ code: "validation", fields: [{ path: "body.service", message: "unknown service" }] });
    expect(await getDb().release.count()).toBe(before);
  });
});
