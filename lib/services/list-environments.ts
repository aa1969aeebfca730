// Environments with their approval and window policies. notifyWebhookUrl is a secret (whoever holds it can
// post to the channel): only whether one is set is returned.
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";

export type EnvironmentSummary = {
  id: string;
  slug: string;
  name: string;
  promotionOrder: number;
  isProduction: boolean;
  timezone: string;
  requiredApprovals: number;
  approverRoles: Role[];
  allowSelfApproval: boolean;
  approvalTtlMinutes: number;
  allowWindows: unknown[];
  hotfixAnyTime: boolean;
  hasNotifyWebhook: boolean;
  createdAt: string;
};

export async function listEnvironments(): Promise<{ items: EnvironmentSummary[] }> {
  const environments = await db.environment.findMany({ orderBy: { promotionOrder: "asc" } });
  const items = environments.map(({ notifyWebhookUrl, allowWindows, createdAt, ...environment }) => ({
    ...environment,
    allowWindows: Array.isArray(allowWindows) ? allowWindows : [],
    hasNotifyWebhook: Boolean(notifyWebhookUrl),
    createdAt: createdAt.toISOString(),
  }));
  return { items };
}
