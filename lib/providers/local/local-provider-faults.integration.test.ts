// The local provider when things go wrong, with real processes: a release that crashes on start, one that
// fails half its requests, and a supervisor that is SIGKILLed (its revisions must die with it, and the
// provider must say they are gone rather than quietly start over).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import type { ProviderTarget } from "../types";
import { LocalProvider } from "./local-provider";
import { shutdownAllLocal } from "./shutdown-all-local";
import { isProcessAlive } from "./supervisor-state";
import { groupExists, pidsOf, readState, release, sampleTarget, waitForRevision } from "./testing/local-fixtures";
import { sendRequests } from "./testing/send-requests";

let stateDir: string;
let provider: LocalProvider;
let target: ProviderTarget;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-local-faults-"));
  provider = new LocalProvider({ stateDir });
  target = sampleTarget({ id: "faults", port: await freePort() });
});

afterAll(async () => {
  await shutdownAllLocal({ stateDir });
  // The logs of revisions and supervisors live there too; keep them only when asked, to debug a failure.
  if (!process.env.KEEP_LOCAL_PROVIDER_STATE) await rm(stateDir, { recursive: true, force: true });
});

describe("local provider faults", () => {
  it("reports a revision that crashes on start as unhealthy with its exit code, and refuses it traffic", async () => {
    await provider.startRevision({ target, revision: "crash", release: release("0.9.0"), env: { CRASH_ON_START: "1" } });
    const crashed = await waitForRevision({ provider, target, name: "crash", check: (r) => r.state === "exited" });
    expect(crashed).toMatchObject({ healthy: false, ready: false, exitCode: 1, url: null, reason: "exited with code 1" });
    await expect(provider.setTraffic({ target, weights: { crash: 100 } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("exited"),
    });
  });

  it("shows ERROR_RATE=0.5 in the revision's 5xx count", async () => {
    await provider.startRevision({ target, revision: "flaky", release: release("1.1.0"), env: { ERROR_RATE: "0.5" } });
    await waitForRevision({ provider, target, name: "flaky" });
    const { url } = await provider.setTraffic({ target, weights: { flaky: 100 } });
    const result = await sendRequests({ url: `${url}/work`, count: 400 });
    const metrics = (await provider.getRevisionMetrics({ target })).revisions.find((r) => r.revision === "flaky")!;
    console.info(`ERROR_RATE=0.5: ${result.failures} of 400 failed; proxy metrics ${JSON.stringify(metrics.statusClasses)}`);
    expect(metrics.statusClasses["5xx"]).toBe(200);
    expect(metrics.statusClasses["2xx"]).toBe(200);
    expect(metrics.latencyMs.count).toBe(400);
  });

  it("takes the revisions down with a SIGKILLed supervisor, and reports them gone instead of starting over", async () => {
    const pids = pidsOf(await readState({ stateDir, targetId: target.id }));
    process.kill(pids.supervisor, "SIGKILL");
    await waitUntil(async () => expect(pids.revisionGroups.filter(groupExists)).toEqual([]), {
      timeoutMs: 10_000,
      what: "the watchdog to stop the revisions",
    });
    const afterRestart = new LocalProvider({ stateDir });
    const status = await afterRestart.getStatus({ target });
    expect(status.lost?.reason).toContain(`pid ${pids.supervisor}`);
    expect(status.revisions.map((r) => [r.name, r.state, r.healthy])).toEqual([
      ["flaky", "gone", false],
      ["crash", "gone", false],
    ]);
    await expect(afterRestart.rollback({ target, toRevision: "flaky" })).rejects.toMatchObject({ code: "unavailable" });
    await afterRestart.stopRevision({ target, revision: "flaky" });
    expect(pids.watchdog).not.toBeNull();
    await waitUntil(async () => expect(isProcessAlive(pids.watchdog!)).toBe(false), { timeoutMs: 10_000, what: "the watchdog to exit" });
  });

  it("recovers only when asked: starting a revision again brings up a new supervisor", async () => {
    await provider.startRevision({ target, revision: "fresh", release: release("1.2.0") });
    await waitForRevision({ provider, target, name: "fresh" });
    const status = await provider.setTraffic({ target, weights: { fresh: 100 } });
    expect(status.revisions.map((r) => r.name)).toEqual(["fresh"]);
    expect((await sendRequests({ url: `${status.url}/health`, count: 10 })).byRevision).toEqual({ fresh: 10 });
  });
});
