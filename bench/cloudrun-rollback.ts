// Cloud Run rollback: from the Rollback click (the POST /api/v1/targets/{id}/rollback handler) to the moment
// the Cloud Run test endpoint's service URL serves the earlier revision alone — against the endpoint's own
// updateService round trip (PATCH + operation polled to done, through the real client) in the same run.
// Real revision processes (blue-green: both stay tagged and running); a worker with the Cloud Run provider,
// the target's service-account key stored encrypted as an admin stores it.
//   npm run bench -- cloudrun      (CLOUDRUN_ROLLBACKS=20 by default)
import { EventEmitter } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateApiToken } from "@/lib/auth/api-token";
import { byRevision } from "@/lib/providers/cloudrun/testing/cloud-run-test-fixtures";
import { createCloudRunTestClients } from "@/lib/providers/cloudrun/testing/cloud-run-test-clients";
import { startCloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { ms, percentile, startBenchStack } from "./bench-stack";

const ROLLBACKS = Number(process.env.CLOUDRUN_ROLLBACKS ?? 20);

type Route = { service: string; split: { revision: string; percent: number }[]; at: number };

/** Resolves with when `service`'s URL first served `revision` alone after now. */
function routedTo(routes: EventEmitter, service: string, revision: string): Promise<number> {
  return new Promise((resolve) => {
    const listener = (route: Route) => {
      if (route.service !== service || route.split.length !== 1 || route.split[0]!.revision !== revision) return;
      routes.off("route", listener);
      resolve(route.at);
    };
    routes.on("route", listener);
  });
}

export async function benchCloudRunRollback(): Promise<Record<string, string>> {
  const stack = await startBenchStack("cloudrun");
  const dir = await mkdtemp(path.join(tmpdir(), "fd-bench-cloudrun-"));
  const routes = new EventEmitter();
  const server = await startCloudRunTestServer({
    stateDir: dir,
    revisionMode: "process",
    onRoute: (service, split) => routes.emit("route", { service, split, at: performance.now() } satisfies Route),
  });
  try {
    const { getDb } = await import("@/lib/db");
    const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
    const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
    const { POST } = await import("@/app/api/v1/targets/[id]/rollback/route");
    stack.startWorker();
    const principal = await fx.createPrincipal("admin");
    const { environment, service, target } = await fx.createTarget({
      strategy: "blue_green",
      cloudRun: { server },
    });
    const revisions: string[] = [];
    for (const version of ["1.0.0", "2.0.0"]) {
      const release = await fx.createRelease(service.id, version, principal.userId);
      const input = { releaseId: release.id, environment: environment.slug, waitForWindow: false };
      const done = await fx.waitForState((await startDeployment({ principal, input })).id, ["succeeded", "failed", "rolled_back"], 90_000);
      if (done.state !== "succeeded") throw new Error(`deploy of ${version} ${done.state}: ${done.error}`);
      revisions.push(done.revision!);
    }
    const runId = (name: string) => `${service.slug}-${name}`;

    // Baseline: the endpoint's own updateService round trip, through the real client, flipping the same split.
    const clients = createCloudRunTestClients({ server });
    const name = `${clients.parent}/services/${service.slug}`;
    const bare: number[] = [];
    const bareMoved: number[] = [];
    for (let i = 0; i < ROLLBACKS; i += 1) {
      const [current] = await clients.services.getService({ name });
      const tags = (current.traffic ?? []).filter((t) => t.tag).map((t) => [t.revision!, t.tag!] as const);
      const to = runId(revisions[i % 2]!);
      const traffic = tags.map(([revision, tag]) => byRevision(revision, revision === to ? 100 : 0, tag));
      const moved = routedTo(routes, service.slug, to);
      const started = performance.now();
      const [operation] = await clients.services.updateService({ service: { ...current, traffic } });
      await operation.promise();
      bare.push(performance.now() - started);
      bareMoved.push((await moved) - started);
    }
    // The baseline ends on v2 serving, as the engine last left it.
    const [after] = await clients.services.getService({ name });
    await clients.close();
    if (!(after.trafficStatuses ?? []).some((s) => s.revision === runId(revisions[1]!) && s.percent === 100))
      throw new Error("the baseline did not end on v2");

    const { token, prefix, tokenHash } = generateApiToken();
    await getDb().apiToken.create({ data: { name: "bench", prefix, tokenHash, role: "oncall", ownerId: principal.userId } });
    const clickToTraffic: number[] = [];
    for (let i = 0; i < ROLLBACKS; i += 1) {
      const toRevision = revisions[i % 2]!;
      const moved = routedTo(routes, service.slug, runId(toRevision));
      const clickedAt = performance.now();
      const response = await POST(
        new Request(`http://bench/api/v1/targets/${target.id}/rollback`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ toRevision, reason: "bench" }),
        }),
        { params: Promise.resolve({ id: target.id }) },
      );
      if (response.status !== 202) throw new Error(`rollback answered ${response.status}: ${await response.text()}`);
      const { deploymentId } = (await response.json()) as { deploymentId: string };
      clickToTraffic.push((await moved) - clickedAt);
      const done = await fx.waitForState(deploymentId, ["succeeded", "failed"], 60_000);
      if (done.state !== "succeeded") throw new Error(`rollback ${deploymentId} ${done.state}: ${done.error}`);
    }
    const p = (values: number[]) => [percentile(values, 50), percentile(values, 99)] as const;
    const [[c50, c99], [m50, m99], [b50, b99]] = [p(clickToTraffic), p(bareMoved), p(bare)];
    return {
      rollbacks: String(ROLLBACKS),
      "endpoint's updateService: PATCH → traffic moved p50 / p99": `${ms(m50)} / ${ms(m99)}`,
      "endpoint's updateService: PATCH → operation done p50 / p99 (the test server holds an operation ≥ 200 ms)": `${ms(b50)} / ${ms(b99)}`,
      "rollback click → traffic moved at the endpoint p50 / p99": `${ms(c50)} / ${ms(c99)}`,
      "control-plane overhead (click→moved − PATCH→moved) p50 / p99": `${ms(c50 - m50)} / ${ms(c99 - m99)}`,
    };
  } finally {
    await stack.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
