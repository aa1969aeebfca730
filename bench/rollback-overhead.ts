// Rollback overhead: from the Rollback click (the POST /api/v1/targets/{id}/rollback handler, with its
// authentication, validation and transaction) to the moment a worker makes the traffic call at the
// provider — against the bare provider call, measured in the same run. Target: overhead p99 < 150 ms.
//   npm run bench -- rollback      (ROLLBACKS=200 by default)
import { generateApiToken } from "@/lib/auth/api-token";
import { startBenchStack, ms, percentile } from "./bench-stack";

const ROLLBACKS = Number(process.env.ROLLBACKS ?? 200);

export async function benchRollbackOverhead(): Promise<Record<string, string>> {
  const stack = await startBenchStack("rollback");
  try {
    const { getDb } = await import("@/lib/db");
    const fx = await import("@/lib/services/rollout/testing/engine-fixtures");
    const { startDeployment } = await import("@/lib/services/rollout/start-deployment");
    const { getProvider } = await import("@/lib/services/rollout/get-provider");
    const { POST } = await import("@/app/api/v1/targets/[id]/rollback/route");
    stack.startWorker();
    const principal = await fx.createPrincipal("admin");
    const { environment, service, target } = await fx.createTarget({ strategy: "blue_green" });
    const revisions: string[] = [];
    for (const version of ["1.0.0", "2.0.0"]) {
      const { id } = await startDeployment({
        principal,
        input: {
          releaseId: (await fx.createRelease(service.id, version, principal.userId)).id,
          environment: environment.slug,
          waitForWindow: false,
        },
      });
      revisions.push((await fx.waitForState(id, ["succeeded"])).revision!);
    }
    const providerTarget = { id: target.id, providerType: "local" as const, providerConfig: target.providerConfig };
    const provider = getProvider("local");
    const bare: number[] = [];
    for (let i = 0; i < ROLLBACKS; i += 1) {
      const started = performance.now();
      await provider.setTraffic({ target: providerTarget, weights: { [revisions[i % 2]!]: 100 } });
      bare.push(performance.now() - started);
    }
    await provider.setTraffic({ target: providerTarget, weights: { [revisions[1]!]: 100 } });
    await getDb().target.update({ where: { id: target.id }, data: { currentRevision: revisions[1] } });
    const { token, prefix, tokenHash } = generateApiToken();
    await getDb().apiToken.create({ data: { name: "bench", prefix, tokenHash, role: "oncall", ownerId: principal.userId } });
    const overhead: number[] = [];
    for (let i = 0; i < ROLLBACKS; i += 1) {
      const toRevision = revisions[i % 2]!;
      const clickedAt = Date.now();
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
      await fx.waitForState(deploymentId, ["succeeded"]);
      const call = await getDb().providerCall.findFirstOrThrow({ where: { deploymentId, operation: "set_traffic_100" } });
      overhead.push(call.createdAt.getTime() - clickedAt);
    }
    const [o50, o99, b50, b99] = [percentile(overhead, 50), percentile(overhead, 99), percentile(bare, 50), percentile(bare, 99)];
    return {
      rollbacks: String(ROLLBACKS),
      "bare provider traffic call p50 / p99": `${ms(b50)} / ${ms(b99)}`,
      "click → provider call p50 / p99": `${ms(o50)} / ${ms(o99)}`,
      "p99 ratio (click→call ÷ bare call)": `${(o99 / b99).toFixed(1)}×`,
      "p99 control-plane overhead vs 150 ms target": o99 < 150 ? `met (${ms(o99)})` : `MISSED (${ms(o99)})`,
    };
  } finally {
    await stack.close();
  }
}
