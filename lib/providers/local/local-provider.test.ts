// The provider's own logic against a fake supervisor directory: validation at the boundary, attach or
// launch, and what it says when the supervisor is gone.
import { describe, expect, it, vi } from "vitest";
import type { ProviderTarget, RevisionStatus } from "../types";
import { LocalProvider } from "./local-provider";
import type { SupervisorClient, SupervisorStatus } from "./supervisor-client";
import type { SupervisorDirectory, SupervisorLookup } from "./supervisor-directory";
import type { SupervisorState } from "./supervisor-state";

const target: ProviderTarget = {
  id: "t1",
  providerType: "local",
  providerConfig: { command: ["svc"], port: 0, service: "api", env: { A: "target" }, retainRevisions: 1 },
};
const release = { version: "2.0.0", image: "api:2", digest: "sha256:2" };
const state: SupervisorState = {
  targetId: "t1",
  pid: 1,
  watchdogPid: 2,
  controlPort: 3,
  proxyPort: 4,
  token: "x",
  startedAt: "2026-01-01T00:00:00.000Z",
  weights: { v1: 100 },
  revisions: [
    {
      name: "v1",
      version: "1.0.0",
      image: "api:1",
      digest: "sha256:1",
      port: 5,
      pid: 6,
      state: "running",
      createdAt: "2026-01-01T00:00:01.000Z",
    },
  ],
};

function fakeClient(): SupervisorClient {
  const status: SupervisorStatus = {
    targetId: "t1",
    pid: 1,
    watchdogPid: 2,
    startedAt: state.startedAt,
    url: "http://127.0.0.1:4",
    revisions: [],
    weights: {},
  };
  return {
    status: vi.fn(async () => status),
    startRevision: vi.fn(async (body) => ({ name: body.name }) as RevisionStatus),
    setTraffic: vi.fn(async () => status),
    stopRevision: vi.fn(async () => {}),
    metrics: vi.fn(async () => ({ sampledAt: "now", revisions: [] })),
    window: vi.fn(async ({ seconds }) => ({ endsAt: "now", windowSeconds: seconds, revisions: [] })),
    shutdown: vi.fn(async () => {}),
  };
}

function providerWith(lookup: SupervisorLookup, launched: SupervisorLookup = lookup) {
  const supervisors: SupervisorDirectory = { find: vi.fn(async () => lookup), launch: vi.fn(async () => launched) };
  return { provider: new LocalProvider({ stateDir: "/unused", supervisors }), supervisors };
}

describe("LocalProvider", () => {
  it("launches a supervisor once for concurrent first starts, and layers the release env over the target's", async () => {
    const client = fakeClient();
    const { provider, supervisors } = providerWith({ kind: "none" }, { kind: "attached", client, state });
    await Promise.all([
      provider.startRevision({ target, revision: "v2", release, env: { A: "release" } }),
      provider.startRevision({ target, revision: "v2", release }),
    ]);
    expect(supervisors.launch).toHaveBeenCalledTimes(1);
    expect(supervisors.launch).toHaveBeenCalledWith({ targetId: "t1", proxyPort: 0, metricsPort: undefined });
    expect(client.startRevision).toHaveBeenCalledWith(
      expect.objectContaining({ name: "v2", command: ["svc"], env: { SERVICE_NAME: "api", A: "release" } }),
    );
  });

  it("re-attaches to a running supervisor instead of launching another", async () => {
    const client = fakeClient();
    const { provider, supervisors } = providerWith({ kind: "attached", client, state });
    await provider.startRevision({ target, revision: "v2", release });
    expect(supervisors.launch).not.toHaveBeenCalled();
  });

  it("validates the revision name, the weights and the target type before calling the supervisor", async () => {
    const client = fakeClient();
    const { provider } = providerWith({ kind: "attached", client, state });
    await expect(provider.startRevision({ target, revision: "V2_bad", release })).rejects.toMatchObject({ code: "validation" });
    await expect(provider.setTraffic({ target, weights: { v1: 60, v2: 30 } })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("sum to 100"),
    });
    await expect(provider.getStatus({ target: { ...target, providerType: "cloudrun" } })).rejects.toMatchObject({ code: "validation" });
    await expect(provider.getStatus({ target: { ...target, providerConfig: { port: 1 } } })).rejects.toMatchObject({ code: "validation" });
    expect(client.startRevision).not.toHaveBeenCalled();
    expect(client.setTraffic).not.toHaveBeenCalled();
  });

  it("passes the target's retention with every traffic change; rollback is all traffic to one revision", async () => {
    const client = fakeClient();
    const { provider } = providerWith({ kind: "attached", client, state });
    await provider.rollback({ target, toRevision: "v1" });
    expect(client.setTraffic).toHaveBeenCalledWith({ weights: { v1: 100 }, retain: 1 });
  });

  it("reports a dead supervisor's revisions as gone, refuses traffic changes, and treats a stop as done", async () => {
    const { provider, supervisors } = providerWith({ kind: "lost", state, reason: "the supervisor (pid 1) is not running" });
    const status = await provider.getStatus({ target });
    expect(status.lost?.reason).toContain("pid 1");
    expect(status.revisions).toEqual([expect.objectContaining({ name: "v1", state: "gone", healthy: false, ready: false, traffic: 0 })]);
    await expect(provider.rollback({ target, toRevision: "v1" })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("not running"),
    });
    await expect(provider.stopRevision({ target, revision: "v1" })).resolves.toBeUndefined();
    expect((await provider.getRevisionMetrics({ target })).revisions).toEqual([]);
    expect(supervisors.launch).not.toHaveBeenCalled();
  });

  it("reports a target that never ran as empty", async () => {
    const { provider } = providerWith({ kind: "none" });
    expect(await provider.listRevisions({ target })).toEqual([]);
    await expect(provider.setTraffic({ target, weights: { v1: 100 } })).rejects.toMatchObject({ code: "unavailable" });
  });
});
