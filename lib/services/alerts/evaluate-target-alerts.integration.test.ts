// evaluateTargetAlerts against the real database and Redis, fed RuleResults directly through extraResults —
// the seam the SLOs' burn-rate decision plugs into. Five workers evaluating the same firing rule at the same
// moment open one alert, audit it once and queue one notification; a rule that cannot be judged holds the
// alert; judged ok it resolves once however many evaluate; a rule that goes away resolves its alert, and a
// stored rule list that no longer parses resolves nothing; what each rule said is recorded where it changed.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { disconnectDb, getDb } from "@/lib/db";
import type { RuleResult } from "@/lib/domain/alerts/rule-result";
import { closeQueues, getQueue } from "@/lib/queue/enqueue";
import { toQueueJobId } from "@/lib/queue/job-id";
import { closeRedis } from "@/lib/redis";
import { createReleaseWorld } from "@/lib/testing/release-fixtures";
import { SYSTEM_ACTOR } from "@/lib/auth/principal";
import { evaluateTargetAlerts, type ServingTarget } from "./evaluate-target-alerts";
import { listRuleStates } from "./list-rule-states";
import { openAlert } from "./open-alert";

// A prefix of this file's own, so no other file's worker takes (and removes) the notification jobs counted here.
process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "fdtest"}:ev${randomBytes(2).toString("hex")}`;

let world: Awaited<ReturnType<typeof createReleaseWorld>>;
const db = () => getDb();
const burn = (state: RuleResult["state"]): RuleResult => ({
  fingerprint: "burn:page",
  name: "Error budget burning 14.4× over 1 h and 5 min",
  severity: "P1",
  state,
  value: state === "firing" ? 16.2 : state === "ok" ? 0.4 : null,
  condition: "burn rate > 14.4 over 1 h and 5 min",
  reason: state === "firing" ? "16.2× over 1 h, 15.1× over 5 min" : state === "ok" ? "0.4× over 1 h" : "no traffic in 5 min",
});

const servingTarget = async (alertRules: unknown = []): Promise<ServingTarget> => {
  await db().service.update({ where: { id: world.service.id }, data: { alertRules: alertRules as object } });
  return { id: world.productionTarget.id, currentRevision: "r1", metricsSource: { type: "local" }, service: { alertRules } };
};
const evaluate = (target: ServingTarget, results: RuleResult[], at: number) =>
  evaluateTargetAlerts({ target, now: new Date(at), extraResults: results });
const audit = (id: string) => db().auditEvent.findMany({ where: { subjectType: "alert", subjectId: id }, orderBy: { id: "asc" } });

beforeAll(async () => {
  world = await createReleaseWorld();
  await db().environment.update({
    where: { id: world.production.id },
    data: { notifyWebhookEncrypted: encryptSecret("http://127.0.0.1:9/hook") },
  });
});
afterAll(async () => {
  await closeQueues();
  await closeRedis();
  await disconnectDb();
});

describe("evaluateTargetAlerts", () => {
  it("opens one alert for five concurrent evaluations, holds it when it cannot judge, resolves it once", async () => {
    const target = await servingTarget();
    const t0 = Date.parse("2026-12-02T10:00:00Z");
    const opened = await Promise.all(Array.from({ length: 5 }, () => evaluate(target, [burn("firing")], t0)));
    // Each saw the rule firing, and decided to open or (having read the alert another had just opened) to see it again…
    expect(opened.map((c) => c.open.length + c.stillFiring.length)).toEqual([1, 1, 1, 1, 1]);
    const alerts = await db().alert.findMany({ where: { targetId: target.id } });
    expect(alerts).toHaveLength(1); // …and the database kept one
    const [alert] = alerts;
    expect(alert).toMatchObject({ severity: "P1", source: "rule", fingerprint: "burn:page", value: 16.2, resolvedAt: null });
    expect((await audit(alert!.id)).map((a) => a.action)).toEqual(["alert.opened"]);
    const job = await getQueue("notification.send").getJob(toQueueJobId(`notify:alert_opened:${alert!.id}`));
    expect(job?.data).toMatchObject({ environmentId: world.production.id, event: "alert_opened" });
    expect(await getQueue("notification.send").getJobCounts("waiting", "delayed", "active")).toMatchObject({ waiting: 1 });

    const held = await evaluate(target, [burn("unknown")], t0 + 30_000);
    expect(held).toMatchObject({ open: [], resolve: [], held: [{ alert: { id: alert!.id } }] });
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert!.id } })).resolvedAt).toBeNull();

    const seen = await evaluate(target, [burn("firing")], t0 + 60_000);
    expect(seen.stillFiring.map((c) => c.alert.id)).toEqual([alert!.id]);
    expect((await db().alert.findUniqueOrThrow({ where: { id: alert!.id } })).lastSeenAt.getTime()).toBe(t0 + 60_000);

    await Promise.all(Array.from({ length: 3 }, () => evaluate(target, [burn("ok")], t0 + 90_000)));
    const resolved = await db().alert.findUniqueOrThrow({ where: { id: alert!.id } });
    expect(resolved).toMatchObject({ resolvedAt: new Date(t0 + 90_000), openKey: null });
    expect((await audit(alert!.id)).map((a) => a.action)).toEqual(["alert.opened", "alert.resolved"]);
    expect(await getQueue("notification.send").getJob(toQueueJobId(`notify:alert_resolved:${alert!.id}`))).toBeTruthy();

    // Firing again after the resolution is a new alert.
    await evaluate(target, [burn("firing")], t0 + 120_000);
    expect(await db().alert.count({ where: { targetId: target.id, resolvedAt: null } })).toBe(1);
    expect(await db().alert.count({ where: { targetId: target.id } })).toBe(2);
  });

  it("lets exactly one of five simultaneous openings create the alert; the others find it", async () => {
    const input = {
      targetId: world.stagingTarget.id,
      source: "alertmanager" as const,
      fingerprint: "race",
      name: "Race",
      severity: "P2" as const,
      summary: null,
      at: new Date(),
      actor: SYSTEM_ACTOR,
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => openAlert(input)));
    expect(results.filter((r) => r.isNew)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db().alert.count({ where: { targetId: world.stagingTarget.id, fingerprint: "race" } })).toBe(1);
  });

  it("resolves an alert whose rule was removed, but resolves nothing while the stored rules do not parse", async () => {
    await db().alert.updateMany({ where: { targetId: world.productionTarget.id }, data: { resolvedAt: new Date(), openKey: null } });
    const t0 = Date.parse("2026-12-02T11:00:00Z");
    await evaluate(await servingTarget(), [burn("firing")], t0);
    const [open] = await db().alert.findMany({ where: { targetId: world.productionTarget.id, resolvedAt: null } });

    const broken = await servingTarget([{ name: "x", metric: "disk", threshold: 1, severity: "P1" }]);
    expect(await evaluate(broken, [], t0 + 30_000)).toMatchObject({ resolve: [] });
    expect((await db().alert.findUniqueOrThrow({ where: { id: open!.id } })).resolvedAt).toBeNull();

    const changes = await evaluate(await servingTarget(), [], t0 + 60_000);
    expect(changes.resolve).toEqual([{ alert: expect.objectContaining({ id: open!.id }), reason: "its rule was removed or switched off" }]);
    expect((await db().alert.findUniqueOrThrow({ where: { id: open!.id } })).resolvedAt).toEqual(new Date(t0 + 60_000));
  });

  it("records what each rule said where it changed: `since` moves with the state, an unknown rule's reason is rewritten", async () => {
    const targetId = world.stagingTarget.id;
    const target: ServingTarget = { id: targetId, currentRevision: "r1", metricsSource: { type: "local" }, service: { alertRules: [] } };
    const states = () => db().alertRuleState.findMany({ where: { targetId }, orderBy: { fingerprint: "asc" } });
    const t0 = Date.parse("2026-12-02T12:00:00Z");
    await Promise.all(Array.from({ length: 5 }, () => evaluate(target, [burn("unknown")], t0)));
    expect(await states()).toEqual([
      expect.objectContaining({
        fingerprint: "burn:page",
        severity: "P1",
        state: "unknown",
        reason: "no traffic in 5 min",
        since: new Date(t0),
      }),
    ]);
    // the same again writes nothing
    await evaluate(target, [burn("unknown")], t0 + 30_000);
    expect((await states())[0]!.updatedAt).toEqual(new Date(t0));
    // another reason for not judging is written; the state, and so `since`, stays
    await evaluate(target, [{ ...burn("unknown"), reason: "the SLI history could not be read" }], t0 + 60_000);
    expect(await states()).toEqual([
      expect.objectContaining({
        state: "unknown",
        reason: "the SLI history could not be read",
        since: new Date(t0),
        updatedAt: new Date(t0 + 60_000),
      }),
    ]);
    // judged: state and `since` move; the value moving afterwards writes nothing
    await evaluate(target, [burn("ok")], t0 + 90_000);
    await evaluate(target, [{ ...burn("ok"), value: 0.5, reason: "0.5× over 1 h" }], t0 + 120_000);
    expect(await states()).toEqual([expect.objectContaining({ state: "ok", reason: "0.4× over 1 h", since: new Date(t0 + 90_000) })]);
    const second = { ...burn("firing"), fingerprint: "burn:ticket", name: "Slow burn", severity: "P3" as const };
    await evaluate(target, [burn("ok"), second], t0 + 150_000);
    expect((await states()).map((r) => [r.fingerprint, r.state, r.since])).toEqual([
      ["burn:page", "ok", new Date(t0 + 90_000)],
      ["burn:ticket", "firing", new Date(t0 + 150_000)],
    ]);
    // This target serves no revision in the database (the evaluation was handed one): its states are not shown.
    expect(await listRuleStates({ targetId })).toEqual({ evaluated: false, items: [] });
    // rules that go away are removed
    await evaluate(target, [], t0 + 180_000);
    expect(await states()).toEqual([]);
    await expect(listRuleStates({ targetId: "no-such-target" })).rejects.toThrow("There is no target no-such-target.");
  });
});
