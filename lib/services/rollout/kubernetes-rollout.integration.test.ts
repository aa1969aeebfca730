// The rollout engine on a Kubernetes target: the service layer queues, a real worker process drives the
// real @kubernetes/client-node against the test cluster, whose pods are real sample-service processes. Each
// deploy runs the documents' smoke suite against the revision through the API server's service proxy before
// it gets traffic, then the post-deploy checks through the target's Service.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppsV1Api, CoreV1Api } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedKubeTarget } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { startTestCluster, type TestCluster } from "@/lib/providers/kubernetes/testing/start-test-cluster";
import { createOwnRedis, type OwnRedis } from "@/lib/testing/own-redis";
import { type SpawnedWorker, spawnWorker } from "@/workers/testing/spawn-worker";
import { closeEngineTest, createPrincipal, createRelease, createTarget, waitForState } from "./testing/engine-fixtures";

const stateDir = mkdtempSync(path.join(tmpdir(), "fd-k8s-engine-"));
let redis: OwnRedis;
let worker: SpawnedWorker;
let cluster: TestCluster;
let svc: {
  startDeployment: typeof import("./start-deployment").startDeployment;
  controlDeployment: typeof import("./control-deployment").controlDeployment;
  startRollback: typeof import("./start-rollback").startRollback;
};

beforeAll(async () => {
  redis = await createOwnRedis();
  await redis.start();
  cluster = await startTestCluster({ stateDir: path.join(stateDir, "cluster"), podMode: "process" });
  Object.assign(process.env, { REDIS_URL: redis.url, LOCAL_PROVIDER_STATE_DIR: stateDir });
  worker = spawnWorker({
    env: {
      REDIS_URL: redis.url,
      REDIS_PREFIX: process.env.REDIS_PREFIX!,
      DATABASE_URL: process.env.DATABASE_URL!,
      LOCAL_PROVIDER_STATE_DIR: stateDir,
    },
  });
  svc = { ...(await import("./start-deployment")), ...(await import("./control-deployment")), ...(await import("./start-rollback")) };
});

afterAll(async () => {
  await closeEngineTest({ stateDir, workers: worker ? [worker] : [] });
  await cluster?.stop();
  await redis?.stop();
});

type Seeded = Awaited<ReturnType<typeof seedKubeTarget>>;
type Principal = Awaited<ReturnType<typeof createPrincipal>>;

async function kubeTarget(seed: Seeded, options: Omit<Parameters<typeof createTarget>[0], "kubernetes">) {
  return createTarget({ ...options, kubernetes: seed.config });
}

async function deploy(
  principal: Principal,
  serviceId: string,
  environment: string,
  version: string,
  strategy?: "rolling" | "canary" | "blue_green",
) {
  const release = await createRelease(serviceId, version, principal.userId);
  return svc.startDeployment({ principal, input: { releaseId: release.id, environment, strategy, waitForWindow: false } });
}

async function deployAndWait(...args: Parameters<typeof deploy>) {
  const { id } = await deploy(...args);
  return waitForState(id, ["succeeded", "failed", "rolled_back", "aborted"], 90_000);
}

/** What the target's Service answers through the API server's service proxy, `count` times. */
async function versionsBehindService(seed: Seeded, count: number): Promise<Record<string, number>> {
  const core = seed.kc.makeApiClient(CoreV1Api);
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const answer = await core.connectGetNamespacedServiceProxyWithPath({ name: "web", namespace: seed.namespace, path: "health" });
    const { version } = (typeof answer === "string" ? JSON.parse(answer) : answer) as { version: string };
    tally[version] = (tally[version] ?? 0) + 1;
  }
  return tally;
}

async function smokeRunsOf(deploymentId: string) {
  return getDb().smokeRun.findMany({
    where: { deploymentId },
    orderBy: { startedAt: "asc" },
    select: { trigger: true, status: true, url: true },
  });
}

describe("rollout engine on Kubernetes", { timeout: 150_000 }, () => {
  it("rolling: patches the image, follows rollout status, smoke-tests through the service proxy", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster, replicas: 2 });
    const { environment, service } = await kubeTarget(seed, { strategy: "rolling" });
    const v1 = await deployAndWait(principal, service.id, environment.slug, "1.0.0");
    expect(v1.state, v1.error ?? "").toBe("succeeded");
    const v2 = await deployAndWait(principal, service.id, environment.slug, "2.0.0");
    expect(v2.state, v2.error ?? "").toBe("succeeded");
    expect(await smokeRunsOf(v2.id)).toEqual([
      {
        trigger: "pre_traffic",
        status: "passed",
        url: expect.stringMatching(new RegExp(`/api/v1/namespaces/${seed.namespace}/pods/web-\\w+-\\w+:8080/proxy$`)),
      },
      {
        trigger: "post_deploy",
        status: "passed",
        url: expect.stringMatching(new RegExp(`/api/v1/namespaces/${seed.namespace}/services/web:http/proxy$`)),
      },
    ]);
    const d = await seed.kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: "web", namespace: seed.namespace });
    expect(d.spec?.template.spec?.containers[0]?.image).toBe("sample:2.0.0");
    expect(d.metadata?.annotations).toMatchObject({ "deployment.kubernetes.io/revision": "3", "flightdeck/revision": v2.revision });
    expect(await versionsBehindService(seed, 4)).toEqual({ "2.0.0": 4 });
  });

  it("rolling: an image whose pods never get ready fails at the progress deadline and is reverted automatically", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster, progressDeadlineSeconds: 4 });
    const { environment, service } = await kubeTarget(seed, { strategy: "rolling" });
    const good = await deployAndWait(principal, service.id, environment.slug, "1.0.0");
    expect(good.state, good.error ?? "").toBe("succeeded");
    const bad = await deployAndWait(principal, service.id, environment.slug, "never-ready");
    expect(bad.state).toBe("rolled_back");
    expect(bad.error).toMatch(/deployment "web" exceeded its progress deadline: ReplicaSet "web-\w+" has timed out progressing/);
    const d = await seed.kc.makeApiClient(AppsV1Api).readNamespacedDeployment({ name: "web", namespace: seed.namespace });
    expect([d.spec?.template.spec?.containers[0]?.image, d.metadata?.annotations?.["flightdeck/revision"]]).toEqual([
      "sample:1.0.0",
      good.revision,
    ]);
    expect(await versionsBehindService(seed, 2)).toEqual({ "1.0.0": 2 });
  });

  it("rollback to a revision: restores that ReplicaSet's pod template, as rollout undo --to-revision", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster });
    const { environment, service, target } = await kubeTarget(seed, { strategy: "rolling" });
    const v1 = await deployAndWait(principal, service.id, environment.slug, "1.0.0");
    await deployAndWait(principal, service.id, environment.slug, "2.0.0");
    const v3 = await deployAndWait(principal, service.id, environment.slug, "3.0.0");
    expect(v3.state, v3.error ?? "").toBe("succeeded");
    const { deploymentId } = await svc.startRollback({
      principal,
      targetId: target.id,
      input: { reason: "bad 3.0.0", toRevision: v1.revision! },
    });
    const back = await waitForState(deploymentId, ["succeeded", "failed"], 60_000);
    expect(back.state, back.error ?? "").toBe("succeeded");
    // The suite runs again on what the rollback restored, through the Service as its traffic reaches it.
    expect(await smokeRunsOf(back.id)).toEqual([
      {
        trigger: "post_rollback",
        status: "passed",
        url: expect.stringMatching(new RegExp(`/api/v1/namespaces/${seed.namespace}/services/web:http/proxy$`)),
      },
    ]);
    expect(back.events.map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/restored from the platform's revision history/)]),
    );
    const sets = await seed.kc.makeApiClient(AppsV1Api).listNamespacedReplicaSet({ namespace: seed.namespace });
    const v1Set = sets.items.find((rs) => rs.spec?.template?.metadata?.labels?.["flightdeck/revision"] === v1.revision);
    // Its ReplicaSet is re-used and moved to the next revision number, the old one kept in revision-history.
    expect(v1Set?.metadata?.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "5",
      "deployment.kubernetes.io/revision-history": "2",
    });
    expect(await versionsBehindService(seed, 2)).toEqual({ "1.0.0": 2 });
  });

  it("blue-green: a second Deployment smoke-tested through its preview Service, then the selector switched", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster });
    const { environment, service } = await kubeTarget(seed, { strategy: "blue_green" });
    const blue = await deployAndWait(principal, service.id, environment.slug, "1.0.0");
    const green = await deployAndWait(principal, service.id, environment.slug, "2.0.0");
    expect([blue.state, green.state], green.error ?? "").toEqual(["succeeded", "succeeded"]);
    expect((await smokeRunsOf(green.id))[0]).toMatchObject({
      status: "passed",
      url: expect.stringContaining(`/pods/web-${green.revision}-`),
    });
    const svcObject = await seed.kc.makeApiClient(CoreV1Api).readNamespacedService({ name: "web", namespace: seed.namespace });
    expect(svcObject.spec?.selector).toEqual({ "flightdeck/target": "web", "flightdeck/revision": green.revision });
    // The replaced Deployment stays up for an instant rollback.
    const old = await seed.kc
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: `web-${blue.revision}`, namespace: seed.namespace });
    expect(old.spec?.replicas).toBe(1);
    expect(await versionsBehindService(seed, 3)).toEqual({ "2.0.0": 3 });
  });

  it("canary by replica ratio: each step's share is its pods' share behind the Service", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster, extra: { replicas: 2 } });
    const { environment, service } = await kubeTarget(seed, { strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: null });
    // A first revision has nothing to split with: blue-green makes it a revision Deployment of its own.
    const stable = await deployAndWait(principal, service.id, environment.slug, "1.5.0", "blue_green");
    expect(stable.state, stable.error ?? "").toBe("succeeded");
    const { id } = await deploy(principal, service.id, environment.slug, "2.0.0");
    const paused = await waitForState(id, ["paused"], 60_000);
    expect(paused.trafficPercent).toBe(50);
    expect(await versionsBehindService(seed, 4)).toEqual({ "1.5.0": 2, "2.0.0": 2 });
    await svc.controlDeployment({ principal, id, control: "resume" });
    const done = await waitForState(id, ["succeeded"], 60_000);
    expect(await versionsBehindService(seed, 4)).toEqual({ "2.0.0": 4 });
    const old = await seed.kc
      .makeApiClient(AppsV1Api)
      .readNamespacedDeployment({ name: `web-${stable.revision}`, namespace: seed.namespace });
    expect([old.spec?.replicas, done.revision]).toEqual([0, paused.revision]);
  });

  it("canary through the HTTPRoute: 10 % of the gateway's requests reach the canary at the 10 % step", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster, httpRoute: true });
    const { environment, service } = await kubeTarget(seed, { strategy: "canary", canarySteps: [10, 100], stepPauseSeconds: null });
    const stable = await deployAndWait(principal, service.id, environment.slug, "1.0.0", "blue_green");
    expect(stable.state, stable.error ?? "").toBe("succeeded");
    const { id } = await deploy(principal, service.id, environment.slug, "2.0.0");
    expect((await waitForState(id, ["paused"], 60_000)).trafficPercent).toBe(10);
    const answers = await Promise.all(
      Array.from(
        { length: 100 },
        async () =>
          ((await (await fetch(`${cluster.httpUrl}/gateway/${seed.namespace}/web/health`)).json()) as { version: string }).version,
      ),
    );
    expect(answers.filter((v) => v === "2.0.0")).toHaveLength(10);
    await svc.controlDeployment({ principal, id, control: "resume" });
    expect((await waitForState(id, ["succeeded"], 60_000)).state).toBe("succeeded");
  });

  it("an RBAC refusal ends the deployment with the verb and resource named", async () => {
    const principal = await createPrincipal("release_manager");
    const seed = await seedKubeTarget({ cluster });
    const { environment, service } = await kubeTarget(seed, { strategy: "rolling" });
    await cluster.faults.deny({ verb: "patch", resource: "deployments", namespace: seed.namespace });
    try {
      const refused = await deployAndWait(principal, service.id, environment.slug, "1.0.0");
      expect(refused.state).toBe("failed");
      expect(refused.error).toContain(`RBAC refused patch deployments/web in namespace ${seed.namespace} (403 Forbidden)`);
    } finally {
      await cluster.faults.reset();
    }
  });
});
