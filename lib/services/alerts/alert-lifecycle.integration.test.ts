// The alert lifecycle end to end: a real worker process evaluates the alert rules on its timer, the local
// provider runs real sample-service processes, real requests go through its proxy, and the environment's
// webhook is a real HTTP receiver. A release failing 2 % of its requests under steady traffic opens one P1
// within one evaluation interval of the breach being visible in the requests themselves, notifies once,
// stays one alert while it keeps firing, blocks readiness, and resolves (notifying once more) after the rollback.
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { DEFAULT_ALERT_RULES } from "@/lib/domain/document-defaults";
import { createOwnRedis, type OwnRedis, waitUntil } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { breachVisibleAt, startClientTraffic } from "../rollout/testing/client-traffic";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "../rollout/testing/engine-fixtures";

const INTERVAL_MS = 2_000;
const P1_RULE = DEFAULT_ALERT_RULES[0];
const stateDir = mkdtempSync(path.join(tmpdir(), "fd-alerts-engine-"));
const posted: { at: number; text: string }[] = [];
let receiver: Server;
let webhookUrl = "";
let redis: OwnRedis;
let worker: SpawnedWorker;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let data = "";
    request.on("data", (chunk: Buffer) => (data += chunk.toString()));
    request.on("end", () => {
      posted.push({ at: Date.now(), text: (JSON.parse(data) as { text: string }).text });
      response.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  webhookUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  redis = await createOwnRedis();
  await redis.start();
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  worker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: stateDir,
      ALERT_EVALUATION_INTERVAL_MS: String(INTERVAL_MS),
    },
  });
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await redis?.stop();
  receiver?.close();
});

const alertTexts = () => posted.filter((p) => /^(Resolved: )?P1 alert on /.test(p.text));

it("opens one P1 for a release at 2 % errors within one interval, notifies once, and resolves it after the rollback", async () => {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ strategy: "rolling" });
  await db.environment.update({ where: { id: environment.id }, data: { notifyWebhookEncrypted: encryptSecret(webhookUrl) } });
  await db.service.update({ where: { id: service.id }, data: { alertRules: [P1_RULE] } });
  const { startDeployment } = await import("../rollout/start-deployment");
  const { startRollback } = await import("../rollout/start-rollback");
  const { getProvider } = await import("../rollout/get-provider");
  const deploy = async (releaseId: string) =>
    (await startDeployment({ principal, input: { releaseId, environment: environment.slug, waitForWindow: false } })).id;

  const v1 = await waitForState(await deploy((await createRelease(service.id, "1.0.0", principal.userId)).id), ["succeeded"]);
  const status = await getProvider("local").getStatus({
    target: { id: target.id, providerType: "local", providerConfig: target.providerConfig },
  });
  const traffic = startClientTraffic({ url: new URL("/work", status.url!).toString() });

  // Errors start once the release has passed its smoke run and post-deploy checks; 2 % exactly from then on.
  const bad = await createRelease(service.id, "2.0.0", principal.userId);
  await db.release.update({ where: { id: bad.id }, data: { env: { ERROR_RATE: "0.02", ERRORS_AFTER_SECONDS: "8" } } });
  const v2 = await waitForState(await deploy(bad.id), ["succeeded", "failed", "rolled_back"], 90_000);
  expect(v2.state, v2.error ?? "").toBe("succeeded");

  let alert = null as Awaited<ReturnType<typeof db.alert.findFirst>>;
  await waitUntil(
    async () => {
      alert = await db.alert.findFirst({ where: { targetId: target.id } });
      if (!alert) throw new Error("no alert yet");
    },
    { timeoutMs: 60_000, what: "the P1 to open" },
  );
  const visible = breachVisibleAt({
    samples: traffic.samples,
    candidate: v2.revision!,
    windowSeconds: P1_RULE.windowSeconds,
    minSamples: 50,
    percent: P1_RULE.threshold,
  });
  const openedAfterMs = alert!.startedAt.getTime() - visible;
  console.info(`breach visible → P1 opened: ${openedAfterMs} ms (interval ${INTERVAL_MS} ms)`);
  expect(openedAfterMs).toBeLessThanOrEqual(INTERVAL_MS + 1_000);
  expect(alert).toMatchObject({
    severity: "P1",
    name: "Error rate above 1%",
    source: "rule",
    fingerprint: "threshold:Error rate above 1%",
    condition: "error_rate > 1 % over 300 s",
    labels: { metric: "error_rate", windowSeconds: 300, revision: v2.revision },
    acknowledgedAt: null,
    resolvedAt: null,
  });
  expect(alert!.value).toBeGreaterThan(1);
  expect(alert!.summary).toMatch(/^\d+(\.\d+)? % > 1 % over 300 s$/);

  // Still firing three intervals on: the same alert, seen again, and no second message.
  const firstSeen = alert!.lastSeenAt.getTime();
  await waitUntil(
    async () => {
      const again = await db.alert.findUniqueOrThrow({ where: { id: alert!.id } });
      if (again.lastSeenAt.getTime() < firstSeen + 3 * INTERVAL_MS) throw new Error("not seen again yet");
    },
    { timeoutMs: 30_000, what: "three more evaluations" },
  );
  expect(await db.alert.count({ where: { targetId: target.id } })).toBe(1);
  await waitUntil(async () => expect(alertTexts()).toHaveLength(1), { timeoutMs: 10_000, what: "the opening notification" });
  expect(alertTexts()[0]!.text).toBe(`P1 alert on ${service.slug} in ${environment.slug}: Error rate above 1% — ${alert!.summary}`);
  // The open P1 fails the next deploy's readiness check.
  const next = await createRelease(service.id, "2.0.1", principal.userId);
  await expect(deploy(next.id)).rejects.toThrow(/No open P1 alert on the target — 1 open P1 alert on this target/);

  const { deploymentId } = await startRollback({ principal, targetId: target.id, input: {} });
  const back = await waitForState(deploymentId, ["succeeded", "failed"], 60_000);
  expect(back.state, back.error ?? "").toBe("succeeded");
  expect((await db.target.findUniqueOrThrow({ where: { id: target.id } })).currentReleaseId).toBe(v1.releaseId);

  await waitUntil(
    async () => {
      const resolved = await db.alert.findUniqueOrThrow({ where: { id: alert!.id } });
      if (!resolved.resolvedAt) throw new Error("not resolved yet");
    },
    { timeoutMs: 3 * INTERVAL_MS + 5_000, what: "the P1 to resolve after the rollback" },
  );
  await traffic.stop();
  const resolved = await db.alert.findUniqueOrThrow({ where: { id: alert!.id } });
  expect(resolved.openKey).toBeNull();
  console.info(`rollback finished → P1 resolved: ${resolved.resolvedAt!.getTime() - back.finishedAt!.getTime()} ms`);
  expect(resolved.resolvedAt!.getTime() - back.finishedAt!.getTime()).toBeLessThanOrEqual(INTERVAL_MS + 1_000);
  await waitUntil(async () => expect(alertTexts()).toHaveLength(2), { timeoutMs: 10_000, what: "the resolution notification" });
  expect(alertTexts()[1]!.text).toMatch(/^Resolved: P1 alert on .*: Error rate above 1% — back within the rule: 0 % ≤ 1 % over 300 s$/);
  expect(await db.alert.count({ where: { targetId: target.id } })).toBe(1);
  const audit = await db.auditEvent.findMany({ where: { subjectType: "alert", subjectId: alert!.id }, orderBy: { id: "asc" } });
  expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
    ["alert.opened", "system"],
    ["alert.resolved", "system"],
  ]);
}, 240_000);
