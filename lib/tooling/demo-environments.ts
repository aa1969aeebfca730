// The environments the demo adds beside the seed's staging (10) and production (20), one per provider test
// server: each its own promotion order (the column is unique), after production so neither gates the seeded
// environments. Both demo parts upsert theirs from here; with one order for both, the second to start failed.
import { db } from "@/lib/db";

export const DEMO_ENVIRONMENTS = {
  cloudrun: { slug: "cloud-run", name: "Cloud Run (test endpoint)", promotionOrder: 30 },
  kubernetes: { slug: "k8s-demo", name: "Kubernetes (demo cluster)", promotionOrder: 40 },
} as const;

/** The demo's environment for `provider`, created on the first demo start, left as it is after. */
export function upsertDemoEnvironment(provider: keyof typeof DEMO_ENVIRONMENTS) {
  const { slug, name, promotionOrder } = DEMO_ENVIRONMENTS[provider];
  return db.environment.upsert({
    where: { slug },
    update: {},
    create: { slug, name, promotionOrder, isProduction: false, timezone: "UTC", requiredApprovals: 0, allowWindows: [] },
  });
}
