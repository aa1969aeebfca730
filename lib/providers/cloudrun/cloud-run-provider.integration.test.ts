// The Cloud Run provider against the Cloud Run test server with real revision processes, through the real
// @google-cloud/run clients and the OAuth exchange at the key's token_uri: a first deploy creates the service,
// a second revision is reachable alone at its tag URL with no traffic, splits are measured at the service
// URL, a rollback reaches any listed revision, and API failures come back as AppErrors a person can act on.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupExists } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import type { ProviderTarget } from "../types";
import { CloudRunProvider } from "./cloud-run-provider";
import { versionAt } from "./testing/cloud-run-test-fixtures";
import { cloudRunTarget } from "./testing/cloud-run-target";
import { type CloudRunTestServer, startCloudRunTestServer } from "./testing/start-cloud-run-test-server";

const release = (version: string) => ({
  version,
  image: `sample:${version}`,
  digest: `sha256:${version.replace(/\D/g, "").padEnd(64, "0")}`,
});

let stateDir: string;
let server: CloudRunTestServer;
let provider: CloudRunProvider;
let target: ProviderTarget;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "cloudrun-provider-"));
  server = await startCloudRunTestServer({ stateDir, revisionMode: "process" });
  provider = new CloudRunProvider();
  target = cloudRunTarget({ server, service: "shop" });
});

afterAll(async () => {
  await provider?.close();
  const groups = server?.runningProcessGroups() ?? [];
  await server?.stop();
  expect(groups.filter(groupExists)).toEqual([]);
  await rm(stateDir, { recursive: true, force: true });
});

/** Share of `revision` in percent among `count` requests to the service URL. */
async function shareAt(url: string, revision: string, count = 1000): Promise<number> {
  const load = await sendRequests({ url: `${url}/health`, count });
  expect(load.failures).toBe(0);
  return ((load.byRevision[revision] ?? 0) * 100) / count;
}

describe("CloudRunProvider", () => {
  it("creates the service on a first deploy, through the OAuth exchange at the key's token_uri", async () => {
    expect(await provider.getStatus({ target })).toEqual({ url: null, revisions: [] });
    const started = await provider.startRevision({ target, revision: "v1", release: release("1.0.0") });
    expect(started).toMatchObject({ name: "v1", version: "1.0.0", image: "sample:1.0.0", state: "running", ready: true, traffic: 100 });
    expect(server.issuedTokens()).toBeGreaterThanOrEqual(1);
    const status = await provider.getStatus({ target });
    expect(await versionAt(status.url!)).toEqual({ version: "1.0.0", revision: "shop-v1" });
  });

  it("deploys a second revision with no traffic, reachable alone at its tag URL; repeating the call starts nothing", async () => {
    const started = await provider.startRevision({ target, revision: "v2", release: release("2.0.0"), env: { GREETING: "hi" } });
    expect(started).toMatchObject({
      name: "v2",
      version: "2.0.0",
      ready: true,
      traffic: 0,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(await versionAt(started.url!)).toEqual({ version: "2.0.0", revision: "shop-v2" });
    const status = await provider.getStatus({ target });
    expect(await shareAt(status.url!, "shop-v1", 100)).toBe(100);
    expect(await provider.startRevision({ target, revision: "v2", release: release("2.0.0") })).toMatchObject({ name: "v2", traffic: 0 });
    await expect(provider.startRevision({ target, revision: "v2", release: release("3.0.0") })).rejects.toMatchObject({ code: "conflict" });
    expect((await provider.listRevisions({ target })).map((r) => r.name)).toEqual(["v2", "v1"]);
  });

  it("splits 10/90 and then 50/50 at the service URL, each within 5 points", async () => {
    const ten = await provider.setTraffic({ target, weights: { v2: 10, v1: 90 } });
    expect(ten.revisions.map((r) => [r.name, r.traffic])).toEqual([
      ["v2", 10],
      ["v1", 90],
    ]);
    expect(Math.abs((await shareAt(ten.url!, "shop-v2")) - 10)).toBeLessThanOrEqual(5);
    const half = await provider.setTraffic({ target, weights: { v2: 50, v1: 50 } });
    expect(Math.abs((await shareAt(half.url!, "shop-v2")) - 50)).toBeLessThanOrEqual(5);
    // The tag URL still reaches v2 alone while it shares the service URL.
    expect(await versionAt(half.revisions.find((r) => r.name === "v2")!.url!)).toMatchObject({ revision: "shop-v2" });
  });

  it("rolls back to any listed revision, including one scaled to zero", async () => {
    const back = await provider.rollback({ target, toRevision: "v1" });
    expect(back.revisions.map((r) => [r.name, r.traffic])).toEqual([
      ["v2", 0],
      ["v1", 100],
    ]);
    expect(await shareAt(back.url!, "shop-v1", 100)).toBe(100);
    await provider.stopRevision({ target, revision: "v2" });
    expect((await provider.getStatus({ target })).revisions.find((r) => r.name === "v2")).toMatchObject({
      url: null,
      traffic: 0,
      ready: true,
    });
    const forward = await provider.rollback({ target, toRevision: "v2" });
    expect(await shareAt(forward.url!, "shop-v2", 100)).toBe(100);
    await expect(provider.stopRevision({ target, revision: "v2" })).rejects.toMatchObject({ code: "conflict" });
    await expect(provider.setTraffic({ target, weights: { v9: 100 } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("reports a revision that never becomes ready with its Ready condition's message, and refuses it traffic", async () => {
    server.faults.failRevision("shop-v3");
    const failed = await provider.startRevision({ target, revision: "v3", release: release("3.0.0") });
    expect(failed).toMatchObject({ name: "v3", state: "exited", ready: false, healthy: false });
    expect(failed.reason).toMatch(/^The user-provided container failed to start and listen on the port/);
    await expect(provider.setTraffic({ target, weights: { v3: 100 } })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("revision v3 is not ready and cannot take traffic: The user-provided container failed"),
    });
    server.faults.clear();
  });

  it("names a refused permission and the account, retries exhausted quota, and reports a failed operation", async () => {
    server.faults.denyPermission("run.services.update", { times: 1 });
    await expect(provider.setTraffic({ target, weights: { v1: 100 } })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(
        /^Cloud Run refused permission run\.services\.update to flightdeck-deployer@flightdeck-test\.iam\.gserviceaccount\.com while trying to set traffic of service shop to v1 100%/,
      ),
    });
    server.faults.exhaustQuota({ method: "updateService", times: 2 });
    expect((await provider.setTraffic({ target, weights: { v1: 100 } })).revisions.find((r) => r.name === "v1")?.traffic).toBe(100);
    server.faults.failNextOperation({ message: "Internal error encountered while reconciling the service." });
    await expect(provider.setTraffic({ target, weights: { v2: 100 } })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("Internal error encountered while reconciling the service."),
    });
    expect((await provider.getStatus({ target })).revisions.find((r) => r.name === "v1")?.traffic).toBe(100);
  });

  it("tests the connection: gets the service, lists its revisions, and asks IAM whether the key may update it", async () => {
    const report = await provider.testConnection({ target });
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => [c.name, c.ok])).toEqual([
      ["get services/shop as flightdeck-deployer@flightdeck-test.iam.gserviceaccount.com", true],
      ["list revisions of services/shop", true],
      ["update services/shop", true],
    ]);
    expect(report.checks[1]!.detail).toBe("3 revisions");
    server.faults.denyPermission("run.services.update");
    const refused = await provider.testConnection({ target });
    server.faults.clear();
    expect(refused.ok).toBe(false);
    expect(refused.checks[2]).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/^Cloud Run refused permission run\.services\.update to flightdeck-deployer@/),
    });
    const missing = await provider.testConnection({ target: cloudRunTarget({ server, service: "not-there" }) });
    expect(missing).toEqual({
      ok: true,
      checks: [expect.objectContaining({ ok: true, detail: "does not exist yet: the first deploy creates it" })],
    });
  });

  it("refuses a target of another project as IAM does, and a key that is not JSON by name", async () => {
    const other = { ...target, providerConfig: { ...(target.providerConfig as object), project: "someone-else" } };
    await expect(provider.getStatus({ target: other })).rejects.toMatchObject({ code: "forbidden" });
    await expect(provider.getStatus({ target: { ...target, id: "bad-key", credentials: "not json" } })).rejects.toMatchObject({
      code: "validation",
      fields: [{ path: "credentials", message: "is not JSON" }],
    });
  });
});
