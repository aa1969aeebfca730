// runAnalysisTick against real sample-service processes behind the local provider's proxy: a candidate
// failing 20 % of real requests is judged a rollback with its breach recorded, an idle candidate ends
// inconclusive by the minimum-sample guard, and an unreachable Prometheus gives error measurements that
// count against consecutiveErrorLimit.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { LocalProvider } from "@/lib/providers/local/local-provider";
import { shutdownAllLocal } from "@/lib/providers/local/shutdown-all-local";
import { release, sampleTarget, waitForRevision } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import type { ProviderTarget } from "@/lib/providers/types";
import { createPrincipal, createRelease, createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { freePort } from "@/lib/testing/own-redis";
import { pruneMeasurements } from "./prune-measurements";
import { runAnalysisTick } from "./run-analysis-tick";

const ERROR_TRIGGER = { kind: "threshold", name: "errors", metric: "error_rate", comparison: ">", threshold: 5, windowSeconds: 60 };

let stateDir: string;
let authorId: string;
/** The target whose supervisor runs the processes: stable, a candidate failing 20 %, and an idle one. */
let local: { serviceId: string; targetId: string };

async function deploymentOf({ serviceId, targetId, candidate }: { serviceId: string; targetId: string; candidate: string }) {
  const rel = await createRelease(serviceId, `2.0.${Math.floor(Math.random() * 1e6)}`, authorId);
  return db.deployment.create({
    data: { releaseId: rel.id, targetId, strategy: "canary", state: "stepping", revision: candidate, replacesRevision: "stable" },
  });
}

async function serviceWithAnalysis(analysis: object) {
  const { service, target } = await createTarget({ strategy: "canary" });
  await db.service.update({ where: { id: service.id }, data: { analysis: { enabled: true, triggers: [ERROR_TRIGGER], ...analysis } } });
  return { serviceId: service.id, targetId: target.id };
}

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-analysis-it-"));
  authorId = (await createPrincipal("developer")).userId!;
  local = await serviceWithAnalysis({});
  const provider = new LocalProvider({ stateDir });
  const target = sampleTarget({ id: local.targetId, port: await freePort() });
  for (const [name, env] of [
    ["stable", {}],
    ["cand", { ERROR_RATE: "0.2" }],
    ["idle", {}],
  ] as const) {
    await provider.startRevision({ target, revision: name, release: release(`1.0.${name.length}`), env });
  }
  await Promise.all(["stable", "cand", "idle"].map((name) => waitForRevision({ provider, target, name })));
  const { url } = await provider.setTraffic({ target, weights: { stable: 50, cand: 50 } });
  await sendRequests({ url: `${url}/work`, count: 400, concurrency: 10 });
}, 120_000);

afterAll(async () => {
  await shutdownAllLocal({ stateDir });
  await rm(stateDir, { recursive: true, force: true });
  await disconnectDb();
});

const metricsOptions = () => ({ localStateDir: stateDir });

describe("runAnalysisTick", () => {
  it("judges a candidate failing 20 % of real requests a rollback and records the breach", async () => {
    const deployment = await deploymentOf({ ...local, candidate: "cand" });
    const result = await runAnalysisTick({ deploymentId: deployment.id, now: new Date(), metricsOptions: metricsOptions() });
    expect(result.verdict).toBe("rollback");
    expect(result.reason).toMatch(/^errors: 1 breach \(failure limit 0\); last: 2\d(\.\d+)? % > 5 % over 60 s$/);

    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: result.analysisRunId }, include: { measurements: true } });
    expect(run).toMatchObject({ phase: "canary_step", status: "finished", verdict: "rollback", reason: result.reason });
    const candidate = run.measurements.find((m) => m.revision === "candidate")!;
    const stable = run.measurements.find((m) => m.revision === "stable")!;
    expect(candidate).toMatchObject({
      trigger: "errors",
      metric: "error_rate",
      revisionName: "cand",
      verdict: "fail",
      windowSeconds: 60,
      error: null,
    });
    expect(candidate.threshold).toBe("error_rate > 5 % over 60 s");
    expect(candidate.sampleCount).toBeGreaterThan(150);
    expect(Math.abs(candidate.value! - 20)).toBeLessThanOrEqual(100 / candidate.sampleCount);
    expect(stable).toMatchObject({ revisionName: "stable", value: 0, verdict: null });

    const events = await db.deploymentEvent.findMany({ where: { deploymentId: deployment.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["measurement", "decision"]);
    expect(events[1]!.message).toBe(`Analysis rollback: ${result.reason}`);
    expect(events[1]!.data).toMatchObject({ analysisRunId: run.id, breach: { measurementId: candidate.id, trigger: "errors" } });

    // A finished run is not measured again.
    const again = await runAnalysisTick({ deploymentId: deployment.id, now: new Date(), metricsOptions: metricsOptions() });
    expect(again).toMatchObject({ verdict: "rollback", reason: result.reason });
    expect(await db.measurement.count({ where: { analysisRunId: run.id } })).toBe(2);
  });

  it("waits on an idle candidate, then ends inconclusive by the minimum-sample guard", async () => {
    const deployment = await deploymentOf({ ...local, candidate: "idle" });
    const first = await runAnalysisTick({ deploymentId: deployment.id, now: new Date(), metricsOptions: metricsOptions() });
    expect(first).toMatchObject({ verdict: "healthy", reason: "no breach; waiting for enough samples for errors" });
    const last = await runAnalysisTick({
      deploymentId: deployment.id,
      now: new Date(Date.now() + 1),
      final: true,
      metricsOptions: metricsOptions(),
    });
    expect(last.verdict).toBe("inconclusive");
    expect(last.reason).toBe(
      "errors: too little traffic to judge, a person decides: the candidate had 0 samples in 60 s, fewer than the 50 required",
    );
    const verdicts = await db.measurement.findMany({
      where: { analysisRunId: last.analysisRunId, revision: "candidate" },
      select: { verdict: true, sampleCount: true },
    });
    expect(verdicts).toEqual([
      { verdict: "insufficient", sampleCount: 0 },
      { verdict: "insufficient", sampleCount: 0 },
    ]);
  });

  it("records an unreachable Prometheus as error measurements and turns inconclusive after consecutiveErrorLimit", async () => {
    const remote = await serviceWithAnalysis({ consecutiveErrorLimit: 1 });
    const url = `http://127.0.0.1:${await freePort()}`;
    await db.target.update({ where: { id: remote.targetId }, data: { metricsSource: { type: "prometheus", url, timeoutMs: 1000 } } });
    const deployment = await deploymentOf({ ...remote, candidate: "cand" });
    const start = Date.now();
    const verdicts = [];
    for (let i = 0; i < 2; i++) verdicts.push(await runAnalysisTick({ deploymentId: deployment.id, now: new Date(start + i * 1000) }));
    expect(verdicts.map((v) => v.verdict)).toEqual(["error", "inconclusive"]);
    expect(verdicts[1]!.reason).toMatch(
      /^errors: the query failed 2 times in a row \(limit 1\): the candidate's query failed: .*could not be reached/,
    );
    const rows = await db.measurement.findMany({ where: { analysisRunId: verdicts[0]!.analysisRunId, revision: "candidate" } });
    expect(rows.map((r) => [r.verdict, r.value])).toEqual([
      ["error", null],
      ["error", null],
    ]);
    expect(rows.every((r) => r.error?.includes("could not be reached") && r.query.includes("flightdeck_proxy_requests_total"))).toBe(true);
  });
});

describe("pruneMeasurements", () => {
  it("deletes only measurements older than the retention and keeps the runs' verdicts", async () => {
    const deployment = await deploymentOf({ ...local, candidate: "cand" });
    const now = new Date();
    const old = await runAnalysisTick({
      deploymentId: deployment.id,
      step: 7,
      now: new Date(now.getTime() - 31 * 86_400_000),
      metricsOptions: metricsOptions(),
    });
    const recent = await runAnalysisTick({ deploymentId: deployment.id, step: 8, now, metricsOptions: metricsOptions() });
    expect(await pruneMeasurements({ now, retentionDays: 30 })).toBeGreaterThanOrEqual(2);
    expect(await db.measurement.count({ where: { analysisRunId: old.analysisRunId } })).toBe(0);
    expect(await db.measurement.count({ where: { analysisRunId: recent.analysisRunId } })).toBe(2);
    expect(await db.analysisRun.findUniqueOrThrow({ where: { id: old.analysisRunId } })).toMatchObject({ verdict: old.verdict });
  });
});
