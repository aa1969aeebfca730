// Demo catalog: the services named in the source documents and the two environments with their policies.
import {
  DEFAULT_ALERT_RULES,
  DEFAULT_ROLLBACK_TRIGGERS,
  DEFAULT_SLOS,
  DEFAULT_SMOKE_SUITE,
  PRODUCTION_ALLOW_WINDOWS,
} from "@/lib/domain/document-defaults";
import type { PrismaClient } from "@/lib/db";
import { localConfigSchema } from "@/lib/providers/provider-config";

export const DEMO_SERVICES = [
  { slug: "mahavishnu-mcp", name: "Mahavishnu MCP", description: "Task orchestration MCP server", owner: "platform" },
  { slug: "session-buddy", name: "Session-Buddy", description: "Session memory MCP server", owner: "sessions" },
  { slug: "akosha", name: "Akosha", description: "Knowledge and embeddings MCP server", owner: "knowledge" },
] as const;

/** The sample service stands in for each real one, so the demo deploys real processes on one machine. */
function sampleServiceConfig(service: string) {
  return { command: ["tsx", "workers/sample-service/server.ts"], port: 0, service, retainRevisions: 2 };
}

export async function seedCatalog(db: PrismaClient) {
  const staging = await db.environment.upsert({
    where: { slug: "staging" },
    update: {},
    create: {
      slug: "staging",
      name: "Staging",
      promotionOrder: 10,
      isProduction: false,
      timezone: "UTC",
      requiredApprovals: 0,
      allowWindows: [],
    },
  });
  const production = await db.environment.upsert({
    where: { slug: "production" },
    update: {},
    create: {
      slug: "production",
      name: "Production",
      promotionOrder: 20,
      isProduction: true,
      timezone: "UTC",
      requiredApprovals: 2,
      approverRoles: ["admin", "release_manager"],
      allowSelfApproval: false,
      approvalTtlMinutes: 24 * 60,
      allowWindows: PRODUCTION_ALLOW_WINDOWS as unknown as object[],
      hotfixAnyTime: true,
    },
  });
  const services = [];
  for (const s of DEMO_SERVICES) {
    const service = await db.service.upsert({
      where: { slug: s.slug },
      update: {},
      create: {
        slug: s.slug,
        name: s.name,
        description: s.description,
        owner: s.owner,
        repository: `https://git.example.com/mcp/${s.slug}`,
        smokeSuite: DEFAULT_SMOKE_SUITE as unknown as object[],
        slos: DEFAULT_SLOS,
        alertRules: DEFAULT_ALERT_RULES as unknown as object[],
        rollbackTriggers: DEFAULT_ROLLBACK_TRIGGERS as unknown as object[],
      },
    });
    services.push(service);
    for (const [environment, strategy] of [
      [staging, "rolling"],
      [production, "canary"],
    ] as const) {
      // A target seeded before the local provider existed gets a configuration that runs; others are kept.
      const existing = await db.target.findUnique({
        where: { serviceId_environmentId: { serviceId: service.id, environmentId: environment.id } },
      });
      const runnable = existing?.providerType !== "local" || localConfigSchema.safeParse(existing.providerConfig).success;
      await db.target.upsert({
        where: { serviceId_environmentId: { serviceId: service.id, environmentId: environment.id } },
        update: runnable ? {} : { providerConfig: sampleServiceConfig(s.slug) },
        create: {
          serviceId: service.id,
          environmentId: environment.id,
          providerType: "local",
          providerConfig: sampleServiceConfig(s.slug),
          defaultStrategy: strategy,
          requiresBackup: environment.isProduction && s.slug !== "mahavishnu-mcp",
        },
      });
    }
  }
  return { staging, production, services };
}
