// The demo's Cloud Run: the Cloud Run test server (real revision processes) on 127.0.0.1, and a Cloud Run
// target of the first seeded service in an environment of its own ("cloud-run"), which bootstrapDemoTargets
// then deploys like the local ones. Pointing a target at a real project instead is in the README.
import path from "node:path";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { type CloudRunTestServer, startCloudRunTestServer } from "@/lib/providers/cloudrun/testing/start-cloud-run-test-server";
import { cloudRunTargetConfig } from "@/lib/providers/cloudrun/testing/cloud-run-target";
import { DEMO_ENVIRONMENTS, upsertDemoEnvironment } from "./demo-environments";
import { root } from "./run-step";

export function startDemoCloudRun(): Promise<CloudRunTestServer> {
  const stateDir = path.join(root, ".tmp/cloudrun-demo");
  return startCloudRunTestServer({ stateDir, revisionMode: "process", port: Number(process.env.DEMO_CLOUDRUN_PORT ?? 0) });
}

/**
 * Creates (or points at this run's server) the Cloud Run target of the first seeded service, its current
 * release the service's newest, so the demo start deploys it. Its endpoint changes with every run.
 */
export async function seedDemoCloudRunTarget({
  server,
  serviceSlug,
}: {
  server: CloudRunTestServer;
  /** The service to deploy there; the first seeded one (by slug) when left out. */
  serviceSlug?: string;
}): Promise<{ targetId: string; service: string }> {
  const service = await db.service.findFirstOrThrow({
    where: { archivedAt: null, ...(serviceSlug ? { slug: serviceSlug } : {}) },
    orderBy: { slug: "asc" },
  });
  const release = await db.release.findFirstOrThrow({ where: { serviceId: service.id }, orderBy: { createdAt: "desc" } });
  const environment = await upsertDemoEnvironment("cloudrun");
  const providerConfig = cloudRunTargetConfig({ server, service: service.slug });
  // The server's key (new with every run) as the target's write-only credentials, as an admin pastes one.
  const credentialsEncrypted = encryptSecret(JSON.stringify(server.serviceAccountKey));
  const data = { providerType: "cloudrun" as const, providerConfig, credentialsEncrypted, defaultStrategy: "canary" as const };
  const target = await db.target.upsert({
    where: { serviceId_environmentId: { serviceId: service.id, environmentId: environment.id } },
    // A restarted server remembers nothing: the target starts over there.
    update: { ...data, currentReleaseId: release.id, currentRevision: null },
    create: { ...data, serviceId: service.id, environmentId: environment.id, currentReleaseId: release.id },
  });
  return { targetId: target.id, service: service.slug };
}
