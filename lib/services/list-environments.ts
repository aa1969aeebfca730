// Environments with their approval and window policies, in promotion order (the webhook is never shown).
import { db } from "@/lib/db";
import { toEnvironmentPolicyView, type EnvironmentPolicyView } from "./release-detail/to-environment-policy-view";

export type EnvironmentSummary = EnvironmentPolicyView & { createdAt: string };

export async function listEnvironments(): Promise<{ items: EnvironmentSummary[] }> {
  const environments = await db.environment.findMany({ orderBy: { promotionOrder: "asc" } });
  return { items: environments.map((e) => ({ ...toEnvironmentPolicyView(e), createdAt: e.createdAt.toISOString() })) };
}
