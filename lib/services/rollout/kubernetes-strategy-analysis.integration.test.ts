// Analysis on Kubernetes beyond the HTTPRoute canary, through real Prometheus scraping the pods' own counters
// (see kube-analysis-stack): a rolling deploy's watch period and a blue-green deploy's watch after its switch,
// and a replica-ratio canary's step. After full traffic, a good release passes its watch and succeeds, then a
// bad one (20 % of its requests fail from 5 s after its pods start, so it passes its smoke run and post-deploy
// checks) is taken back by analysis: the rolling Deployment undone to the ReplicaSet before it, the blue-green
// Service and HTTPRoute switched back; the bad canary's pods scaled to 0 and the stable revision's back to all.
import { AppsV1Api, CoreV1Api, CustomObjectsApi } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HTTP_ROUTE, REVISION_LABEL } from "@/lib/providers/kubernetes/kube-names";
import { type KubeTargetSeed, seedKubeTarget } from "@/lib/providers/kubernetes/testing/kube-target-fixtures";
import { waitUntil } from "@/lib/testing/own-redis";
import { startClientTraffic } from "./testing/client-traffic";
import { createPrincipal, createRelease, createTarget, enableErrorAnalysis, waitForState } from "./testing/engine-fixtures";
import { type KubeAnalysisStack, startKubeAnalysisStack } from "./testing/kube-analysis-stack";

const WATCH_SECONDS = 8;
const BAD = { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" };
const ENDS = ["succeeded", "failed", "rolled_back", "paused"] as const;
let stack: KubeAnalysisStack;

beforeAll(async () => {
  stack = await startKubeAnalysisStack("k8s-strategy-analysis");
});

afterAll(async () => {
  await stack?.close();
});

async function analysedTarget(
  seed: KubeTargetSeed,
  options: { strategy: "rolling" | "blue_green" | "canary"; canarySteps?: number[]; stepPauseSeconds?: number; watchSeconds?: number },
) {
  const principal = await createPrincipal("release_manager");
  const { environment, service, target } = await createTarget({ ...options, kubernetes: seed.config });
  await enableErrorAnalysis({ serviceId: service.id, watchPeriodSeconds: options.watchSeconds ?? WATCH_SECONDS });
  await stack.measureTarget(seed, target.id);
  const deploy = async (version: string, extra: { env?: Record<string, string>; strategy?: "blue_green" } = {}) => {
    const release = await createRelease(service.id, version, principal.userId);
    if (extra.env) await db.release.update({ where: { id: release.id }, data: { env: extra.env } });
    const { startDeployment } = await import("./start-deployment");
    const input = { releaseId: release.id, environment: environment.slug, strategy: extra.strategy, waitForWindow: false };
    return waitForState((await startDeployment({ principal, input })).id, [...ENDS], 90_000);
  };
  return { deploy };
}

/** `count` requests through the gateway, tallied by the version that answered and its status. */
async function answersThroughGateway(seed: KubeTargetSeed, count: number): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const res = await fetch(`${stack.cluster.httpUrl}/gateway/${seed.namespace}/web/work`);
    await res.arrayBuffer();
    const key = `${res.headers.get("x-version")} ${res.status}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

async function runsOf(deploymentId: string) {
  const runs = await db.analysisRun.findMany({
    where: { deploymentId },
    select: { phase: true, verdict: true, measurements: { select: { revision: true, verdict: true, query: true } } },
  });
  return runs.map((r) => ({ phase: r.phase, verdict: r.verdict, measured: r.measurements }));
}

describe("analysis on Kubernetes, by strategy", { timeout: 120_000 }, () => {
  it("rolling: the watch period passes a good release and rolls a bad one back to the ReplicaSet before it", async () => {
    const seed = await seedKubeTarget({ cluster: stack.cluster, replicas: 2, httpRoute: true });
    const { deploy } = await analysedTarget(seed, { strategy: "rolling" });
    const traffic = startClientTraffic({ url: `${stack.cluster.httpUrl}/gateway/${seed.namespace}/web/work` });
    try {
      const good = await deploy("1.0.0");
      expect(good.state, good.error ?? "").toBe("succeeded");
      const [goodRun] = await runsOf(good.id);
      expect(goodRun).toMatchObject({ phase: "watch", verdict: "healthy" });
      expect(goodRun!.measured.some((m) => m.verdict === "pass" && m.query.includes(`revision="${good.revision}"`))).toBe(true);

      const bad = await deploy("2.0.0", { env: BAD });
      expect(bad.state, bad.error ?? "").toBe("rolled_back");
      expect(bad.error).toMatch(/^Analysis watch: rollback — errors: 1 breach/);
      const [badRun] = await runsOf(bad.id);
      expect(badRun).toMatchObject({ phase: "watch", verdict: "rollback" });
      expect(badRun!.measured.some((m) => m.verdict === "fail" && m.query.includes(`revision="${bad.revision}"`))).toBe(true);
    } finally {
      await traffic.stop();
    }
    // The Deployment runs the good release's pod template again (rollout undo); once that rollout is done, only
    // the good release's pods serve.
    const apps = seed.kc.makeApiClient(AppsV1Api);
    const d = await apps.readNamespacedDeployment({ name: "web", namespace: seed.namespace });
    expect(d.spec?.template.spec?.containers[0]?.image).toBe("sample:1.0.0");
    await waitUntil(
      async () => {
        const { metadata, status } = await apps.readNamespacedDeployment({ name: "web", namespace: seed.namespace });
        const done = (status?.observedGeneration ?? 0) >= (metadata?.generation ?? 1) && status?.replicas === 2;
        if (!done || status?.updatedReplicas !== 2 || status?.availableReplicas !== 2) throw new Error(JSON.stringify(status));
      },
      { timeoutMs: 30_000, what: "the undo's rollout to finish" },
    );
    expect(await answersThroughGateway(seed, 10)).toEqual({ "1.0.0 200": 10 });
  });

  it("blue-green: analysis after the switch passes a good release and switches a bad one back", async () => {
    const seed = await seedKubeTarget({ cluster: stack.cluster, httpRoute: true });
    const { deploy } = await analysedTarget(seed, { strategy: "blue_green" });
    const traffic = startClientTraffic({ url: `${stack.cluster.httpUrl}/gateway/${seed.namespace}/web/work` });
    let goodRevision = "";
    try {
      const good = await deploy("1.0.0");
      expect(good.state, good.error ?? "").toBe("succeeded");
      goodRevision = good.revision!;
      const [goodRun] = await runsOf(good.id);
      expect(goodRun).toMatchObject({ phase: "blue_green_switch", verdict: "healthy" });

      const bad = await deploy("2.0.0", { env: BAD });
      expect(bad.state, bad.error ?? "").toBe("rolled_back");
      expect(bad.error).toMatch(/^Analysis after the switch: rollback — errors: 1 breach/);
      const [badRun] = await runsOf(bad.id);
      expect(badRun).toMatchObject({ phase: "blue_green_switch", verdict: "rollback" });
      expect(badRun!.measured.some((m) => m.verdict === "fail" && m.query.includes(`revision="${bad.revision}"`))).toBe(true);
      // The bad release served through the gateway after its switch, before analysis took it out.
      expect(traffic.samples.some((s) => s.revision === "2.0.0" && !s.ok)).toBe(true);
    } finally {
      await traffic.stop();
    }
    const core = seed.kc.makeApiClient(CoreV1Api);
    const service = await core.readNamespacedService({ name: "web", namespace: seed.namespace });
    expect(service.spec?.selector?.[REVISION_LABEL]).toBe(goodRevision);
    const route = (await seed.kc
      .makeApiClient(CustomObjectsApi)
      .getNamespacedCustomObject({ ...HTTP_ROUTE, namespace: seed.namespace, name: "web" })) as {
      spec: { rules: { backendRefs: { name: string; weight: number }[] }[] };
    };
    expect(route.spec.rules[0]!.backendRefs.map((b) => [b.name, b.weight])).toEqual([[`web-${goodRevision}`, 100]]);
    expect(await answersThroughGateway(seed, 10)).toEqual({ "1.0.0 200": 10 });
  });

  it("canary by replica ratio: analysis at the 50 % step takes a bad release back to the stable revision's pods", async () => {
    const routed = await seedKubeTarget({ cluster: stack.cluster, extra: { replicas: 2 }, httpRoute: true });
    // The gateway's route reaches the Service, but the target does not route by it: the split is the pods'.
    const { httpRoute: _route, ...config } = routed.config;
    const seed = { ...routed, config, target: { ...routed.target, providerConfig: config } };
    const { deploy } = await analysedTarget(seed, { strategy: "canary", canarySteps: [50, 100], stepPauseSeconds: 30, watchSeconds: 0 });
    const traffic = startClientTraffic({ url: `${stack.cluster.httpUrl}/gateway/${seed.namespace}/web/work` });
    let stable = "";
    try {
      // A first revision has nothing to split with: blue-green makes it a revision Deployment of its own.
      const first = await deploy("1.0.0", { strategy: "blue_green" });
      expect(first.state, first.error ?? "").toBe("succeeded");
      stable = first.revision!;
      const bad = await deploy("2.0.0", { env: BAD });
      expect(bad.state, bad.error ?? "").toBe("rolled_back");
      expect(bad.error).toMatch(/^Analysis: rollback — errors: 1 breach/);
      const [run] = await runsOf(bad.id);
      expect(run).toMatchObject({ phase: "canary_step", verdict: "rollback" });
      // Half the pods were the canary's: it served through the Service before analysis took it out.
      expect(traffic.samples.some((s) => s.revision === "2.0.0" && !s.ok)).toBe(true);
    } finally {
      await traffic.stop();
    }
    const apps = seed.kc.makeApiClient(AppsV1Api);
    const revisions = await apps.listNamespacedDeployment({ namespace: seed.namespace, labelSelector: "flightdeck/target=web" });
    expect(
      revisions.items.map((d) => [d.metadata?.labels?.[REVISION_LABEL] === stable ? "stable" : "canary", d.spec?.replicas]).sort(),
    ).toEqual([
      ["canary", 0],
      ["stable", 2],
    ]);
  });
});
