// The local provider with real processes: the sample service as the command, real HTTP through the proxy.
// Steps share one target, in order, the way a rollout uses it: canary, blue-green, rollback, a worker
// restart, retention, cleanup.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import type { ProviderTarget, TargetMetrics } from "../types";
import { LocalProvider } from "./local-provider";
import { shutdownAllLocal } from "./shutdown-all-local";
import { isProcessAlive } from "./supervisor-state";
import { groupExists, pidsOf, readState, release, sampleTarget, waitForRevision } from "./testing/local-fixtures";
import { sendRequests, startSteadyLoad } from "./testing/send-requests";

let stateDir: string;
let provider: LocalProvider;
let target: ProviderTarget;
let url: string;

const requestsOf = (metrics: TargetMetrics, name: string) => metrics.revisions.find((r) => r.revision === name)?.requests ?? 0;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-local-provider-"));
  provider = new LocalProvider({ stateDir });
  target = sampleTarget({ id: `it-${path.basename(stateDir).slice(-6).toLowerCase()}`, port: await freePort(), retainRevisions: 1 });
});

afterAll(async () => {
  await shutdownAllLocal({ stateDir });
  // The logs of revisions and supervisors live there too; keep them only when asked, to debug a failure.
  if (!process.env.KEEP_LOCAL_PROVIDER_STATE) await rm(stateDir, { recursive: true, force: true });
});

describe("local provider with real processes", () => {
  it("starts v1 with no traffic, then routes 100 % of real requests to it", async () => {
    const started = await provider.startRevision({ target, revision: "v1", release: release("1.0.0") });
    expect(started).toMatchObject({ name: "v1", traffic: 0, healthy: true });
    await waitForRevision({ provider, target, name: "v1" });
    url = (await provider.setTraffic({ target, weights: { v1: 100 } })).url!;
    const result = await sendRequests({ url: `${url}/work`, count: 200 });
    expect(result).toMatchObject({ failures: 0, byRevision: { v1: 200 } });
  });

  it("starts v2 at 0 % (idempotently) and moves 10 → 50 → 100 % to it, each share within 5 points over 1,000 requests", async () => {
    const first = await provider.startRevision({ target, revision: "v2", release: release("2.0.0") });
    const again = await provider.startRevision({ target, revision: "v2", release: release("2.0.0") });
    expect(again.createdAt).toBe(first.createdAt);
    await expect(provider.startRevision({ target, revision: "v2", release: release("9.9.9") })).rejects.toMatchObject({ code: "conflict" });
    await waitForRevision({ provider, target, name: "v2" });
    expect((await sendRequests({ url: `${url}/work`, count: 100 })).byRevision).toEqual({ v1: 100 });
    for (const v2 of [10, 50, 100]) {
      await provider.setTraffic({ target, weights: { v1: 100 - v2, v2 } });
      const before = await provider.getRevisionMetrics({ target });
      const result = await sendRequests({ url: `${url}/work`, count: 1000 });
      const after = await provider.getRevisionMetrics({ target });
      const byHeader = ((result.byRevision.v2 ?? 0) / 1000) * 100;
      const byProxy = ((requestsOf(after, "v2") - requestsOf(before, "v2")) / 1000) * 100;
      console.info(`canary step v2=${v2} %: by header ${byHeader} %, by proxy metrics ${byProxy} %, failures ${result.failures}`);
      expect(result.failures).toBe(0);
      expect(Math.abs(byHeader - v2)).toBeLessThanOrEqual(5);
      expect(Math.abs(byProxy - v2)).toBeLessThanOrEqual(5);
    }
    // v1 kept running after losing its traffic: that is what makes a rollback a switch.
    expect((await provider.getStatus({ target })).revisions.find((r) => r.name === "v1")).toMatchObject({ state: "running", traffic: 0 });
  });

  it("switches blue-green under steady load without a failed request, and rolls back to v1 within 2 s", async () => {
    await provider.setTraffic({ target, weights: { v1: 100 } });
    const load = startSteadyLoad({ url: `${url}/work`, concurrency: 20 });
    await new Promise((r) => setTimeout(r, 500));
    await provider.setTraffic({ target, weights: { v2: 100 } });
    await new Promise((r) => setTimeout(r, 700));
    const rollbackAt = performance.now();
    await provider.rollback({ target, toRevision: "v1" });
    const rollbackCallMs = performance.now() - rollbackAt;
    await new Promise((r) => setTimeout(r, 700));
    const result = await load.stop();
    const lastV2 = Math.max(...result.samples.filter((s) => s.revision === "v2").map((s) => s.answeredAt));
    const allOnV1Ms = Math.max(0, lastV2 - rollbackAt);
    console.info(
      `blue-green: ${result.samples.length} requests, ${result.failures} failed, by revision ${JSON.stringify(result.byRevision)}; rollback call ${rollbackCallMs.toFixed(1)} ms, last v2 answer ${allOnV1Ms.toFixed(1)} ms after it`,
    );
    expect(result.failures).toBe(0);
    expect(result.byRevision.v2).toBeGreaterThan(0);
    expect(allOnV1Ms).toBeLessThan(2000);
    expect(result.samples.filter((s) => s.sentAt > rollbackAt + rollbackCallMs).every((s) => s.revision === "v1")).toBe(true);
  });

  it("rolls back in well under a second without load (the provider call alone)", async () => {
    const durations: number[] = [];
    for (let i = 0; i < 20; i++) {
      const began = performance.now();
      await provider.rollback({ target, toRevision: i % 2 ? "v1" : "v2" });
      durations.push(performance.now() - began);
    }
    durations.sort((a, b) => a - b);
    console.info(`rollback call without load over 20: p50 ${durations[10]!.toFixed(1)} ms, max ${durations[19]!.toFixed(1)} ms`);
    expect(durations[10]).toBeLessThan(500);
    expect((await provider.getStatus({ target })).revisions.find((r) => r.traffic === 100)?.name).toBe("v1");
  });

  it("survives a worker restart: a fresh provider re-attaches to the same processes", async () => {
    const before = await readState({ stateDir, targetId: target.id });
    const restarted = new LocalProvider({ stateDir });
    const status = await restarted.getStatus({ target });
    expect(status.url).toBe(url);
    expect(status.revisions.map((r) => [r.name, r.state, r.traffic])).toEqual([
      ["v2", "running", 0],
      ["v1", "running", 100],
    ]);
    await restarted.setTraffic({ target, weights: { v1: 50, v2: 50 } });
    expect((await sendRequests({ url: `${url}/work`, count: 100 })).byRevision).toEqual({ v1: 50, v2: 50 });
    expect((await readState({ stateDir, targetId: target.id })).pid).toBe(before.pid);
    provider = restarted;
  });

  it("retires the oldest non-serving revision past the retention limit, idempotently", async () => {
    await provider.startRevision({ target, revision: "v3", release: release("3.0.0") });
    await waitForRevision({ provider, target, name: "v3" });
    const v1 = (await readState({ stateDir, targetId: target.id })).revisions.find((r) => r.name === "v1")!;
    // v1 and v2 (50/50) lose their traffic in the same change; with room for one, the younger v2 stays.
    await provider.setTraffic({ target, weights: { v3: 100 } });
    const status = await provider.getStatus({ target });
    expect(status.revisions.map((r) => [r.name, r.state])).toEqual([
      ["v3", "running"],
      ["v2", "running"],
      ["v1", "stopped"],
    ]);
    await waitUntil(async () => expect(groupExists(v1.pid!)).toBe(false), { timeoutMs: 10_000, what: "v1's processes to exit" });
    await provider.stopRevision({ target, revision: "v1" });
    await expect(provider.stopRevision({ target, revision: "v3" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("leaves no process behind after shutdownAllLocal", async () => {
    const pids = pidsOf(await readState({ stateDir, targetId: target.id }));
    expect(pids.watchdog).not.toBeNull();
    expect(await shutdownAllLocal({ stateDir })).toEqual([target.id]);
    await waitUntil(
      async () => {
        expect(isProcessAlive(pids.supervisor)).toBe(false);
        expect(pids.revisionGroups.filter(groupExists)).toEqual([]);
        expect(isProcessAlive(pids.watchdog!)).toBe(false);
      },
      { timeoutMs: 10_000, what: "every process of the target to exit" },
    );
    expect((await provider.getStatus({ target })).revisions).toEqual([]);
  });
});
