// Set-up shared by the rollout engine's integration tests: an environment, a local sample-service target,
// releases, principals, and waiting on deployment states written by a real worker process.
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Principal } from "@/lib/auth/principal";
import { DEFAULT_SMOKE_SUITE } from "@/lib/domain/document-defaults";
import { getDb, type DeploymentState, type Strategy } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { cloudRunTargetConfig } from "@/lib/providers/cloudrun/testing/cloud-run-target";
import type { CloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import type { KubernetesConfig } from "@/lib/providers/provider-config";
import { waitUntil } from "@/lib/testing/own-redis";

const root = path.resolve(import.meta.dirname, "../../../..");
export const sampleCommand = [path.join(root, "node_modules/.bin/tsx"), "workers/sample-service/server.ts"];

export async function createPrincipal(role: Principal["role"]): Promise<Principal> {
  const email = `${role}-${randomBytes(3).toString("hex")}@engine.test`;
  const user = await getDb().user.create({ data: { email, name: role, role } });
  return { kind: "user", userId: user.id, email, name: role, role, label: email };
}

export async function createTarget(options: {
  strategy: Strategy;
  canarySteps?: number[];
  stepPauseSeconds?: number | null;
  production?: boolean;
  /** post-deploy validation; tests default to 2 health checks over 1 s (the documents' 6 over 30 s is pinned by a unit test) */
  postDeploy?: { checks: number; seconds: number };
  /** A Cloud Run target (service = the service's slug) of this test server instead of a local one. */
  cloudRun?: { server: CloudRunTestServer; credentials?: "service-account-key" | "application-default" };
  /** A Kubernetes target with this configuration (see kube-target-fixtures) instead of a local one. */
  kubernetes?: KubernetesConfig;
}) {
  const db = getDb();
  // Four random bytes for the slugs and the (unique) promotion order: a bench makes a thousand targets, where
  // three bytes and a random order in a million collided now and then.
  const tag = randomBytes(4).toString("hex");
  const order = (Number.parseInt(tag, 16) % 2_000_000_000) + 1000;
  const environment = await db.environment.create({
    data: { slug: `env-${tag}`, name: `Env ${tag}`, promotionOrder: order, isProduction: options.production ?? false },
  });
  // The documents' suite: every deploy runs it against the new revision before traffic.
  const service = await db.service.create({
    data: { slug: `svc-${tag}`, name: `Service ${tag}`, smokeSuite: DEFAULT_SMOKE_SUITE as unknown as object[] },
  });
  const target = await db.target.create({
    data: {
      serviceId: service.id,
      environmentId: environment.id,
      ...(options.cloudRun
        ? {
            providerType: "cloudrun" as const,
            providerConfig: cloudRunTargetConfig({ ...options.cloudRun, service: service.slug }),
            // The server's key as the target's write-only credentials, as an admin stores it.
            ...(options.cloudRun.credentials === "application-default"
              ? {}
              : { credentialsEncrypted: encryptSecret(JSON.stringify(options.cloudRun.server.serviceAccountKey)) }),
          }
        : options.kubernetes
          ? { providerType: "kubernetes" as const, providerConfig: options.kubernetes }
          : {
              providerType: "local" as const,
              providerConfig: { command: sampleCommand, port: 0, service: service.slug, cwd: root, retainRevisions: 2 },
            }),
      defaultStrategy: options.strategy,
      canarySteps: options.canarySteps ?? [10, 50, 100],
      stepPauseSeconds: options.stepPauseSeconds === undefined ? null : options.stepPauseSeconds,
      postDeployChecks: options.postDeploy?.checks ?? 2,
      postDeploySeconds: options.postDeploy?.seconds ?? 1,
    },
  });
  return { environment, service, target };
}

export async function createRelease(serviceId: string, version: string, authorId: string) {
  const digest = `sha256:${Buffer.from(version.padEnd(32, "0")).toString("hex").slice(0, 64)}`;
  return getDb().release.create({ data: { serviceId, version, image: `sample:${version}`, digest, authorId } });
}

/** Waits until the deployment is in one of `states` (as a real worker writes them), returning it. */
export async function waitForState(id: string, states: DeploymentState[], timeoutMs = 30_000) {
  let last: { state: DeploymentState; error: string | null } | null = null;
  await waitUntil(
    async () => {
      last = await getDb().deployment.findUniqueOrThrow({ where: { id }, select: { state: true, error: true } });
      if (!states.includes(last.state)) throw new Error(`deployment ${id} is ${last.state}${last.error ? ` (${last.error})` : ""}`);
    },
    { timeoutMs, what: `deployment ${id} to be ${states.join(" or ")}` },
  );
  return getDb().deployment.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: "asc" } } } });
}

/** Closes what an engine test opened: its workers, the local provider's supervisors, queues, Redis, Prisma. */
export async function closeEngineTest({
  stateDir,
  workers,
}: {
  stateDir: string;
  workers: { stop: () => Promise<unknown> }[];
}): Promise<void> {
  await Promise.all(workers.map((w) => w.stop()));
  const { shutdownAllLocal } = await import("@/lib/providers/local/shutdown-all-local");
  await shutdownAllLocal({ stateDir });
  await (await import("@/lib/queue/enqueue")).closeQueues();
  await (await import("@/lib/redis")).closeRedis();
  await (await import("@/lib/db")).disconnectDb();
}

/** The analysis the engine tests and the analysis bench use: one error-rate trigger, short interval and window. */
export const ERROR_ANALYSIS = { intervalSeconds: 1, windowSeconds: 10, minSampleRequests: 10, thresholdPercent: 5 } as const;

/**
 * Turns the service's analysis on with ERROR_ANALYSIS's trigger ("errors": error_rate > 5 % over 10 s).
 * No watch after full traffic unless asked for: most tests judge canary pauses.
 */
export async function enableErrorAnalysis({ serviceId, watchPeriodSeconds = 0 }: { serviceId: string; watchPeriodSeconds?: number }) {
  const { intervalSeconds, windowSeconds, minSampleRequests, thresholdPercent } = ERROR_ANALYSIS;
  const trigger = { kind: "threshold", name: "errors", metric: "error_rate", comparison: ">", threshold: thresholdPercent, windowSeconds };
  await getDb().service.update({
    where: { id: serviceId },
    data: { analysis: { enabled: true, intervalSeconds, watchPeriodSeconds, minSampleRequests, triggers: [trigger] } },
  });
}
