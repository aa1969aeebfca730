// An admin changes an environment's approval or window policy or its notification webhook. The merged
// policy is validated whole (e.g. approvals required but nobody may approve), so a partial change can never
// leave an environment that cannot be deployed to. Audited with what changed; the webhook URL is a secret:
// stored encrypted (lib/crypto/secret-box.ts), neither audited nor returned.
import { fromZodError } from "@/lib/api/problem";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db, type Environment, type Prisma } from "@/lib/db";
import { approvalPolicySchema, windowPolicySchema } from "@/lib/schemas/environment-policy";
import type { UpdateEnvironmentInput } from "@/lib/schemas/environments";
import { toAllowWindows } from "./gates/to-policies";
import { loadEnvironment } from "./load-environment";
import { toEnvironmentPolicyView, type EnvironmentPolicyView } from "./release-detail/to-environment-policy-view";

function validateMerged(before: Environment, input: UpdateEnvironmentInput): void {
  const { notifyWebhookUrl: _secret, ...policy } = input;
  const merged = { ...before, allowWindows: toAllowWindows(before.allowWindows), ...policy };
  const { requiredApprovals, approverRoles, allowSelfApproval, approvalTtlMinutes, timezone, allowWindows, hotfixAnyTime } = merged;
  const approval = approvalPolicySchema.safeParse({ requiredApprovals, approverRoles, allowSelfApproval, approvalTtlMinutes });
  if (!approval.success) throw fromZodError(approval.error, "body");
  const window = windowPolicySchema.safeParse({ timezone, allowWindows, hotfixAnyTime });
  if (!window.success) throw fromZodError(window.error, "body");
}

/** The webhook as stored now, or null; a value that cannot be read (a lost key) counts as something else. */
function previousWebhook(before: Environment): string | null {
  if (!before.notifyWebhookEncrypted) return null;
  try {
    return decryptSecret(before.notifyWebhookEncrypted);
  } catch {
    return "(unreadable)";
  }
}

/** The audit details: each policy field that changed, from → to; the webhook only as set / replaced / cleared. */
function describeChanges(before: Environment, input: UpdateEnvironmentInput): Record<string, Prisma.InputJsonValue | null> {
  const changes: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === "notifyWebhookUrl") {
      const previous = previousWebhook(before);
      if (value !== previous) changes.notifyWebhook = value ? (previous ? "replaced" : "set") : "cleared";
      continue;
    }
    const previous = before[key as keyof Environment];
    if (JSON.stringify(previous) !== JSON.stringify(value)) {
      changes[key] = { from: previous as Prisma.InputJsonValue, to: value as Prisma.InputJsonValue };
    }
  }
  return changes;
}

export async function updateEnvironmentPolicy(options: {
  principal: Principal;
  slug: string;
  input: UpdateEnvironmentInput;
}): Promise<EnvironmentPolicyView> {
  const { principal, slug, input } = options;
  return db.$transaction(async (tx) => {
    const before = await loadEnvironment({ slug, client: tx });
    validateMerged(before, input);
    const changes = describeChanges(before, input);
    if (Object.keys(changes).length === 0) return toEnvironmentPolicyView(before);
    const { notifyWebhookUrl, ...policy } = input;
    const webhook = notifyWebhookUrl === undefined ? {} : { notifyWebhookEncrypted: notifyWebhookUrl && encryptSecret(notifyWebhookUrl) };
    const after = await tx.environment.update({ where: { id: before.id }, data: { ...policy, ...webhook } });
    await recordAudit(tx, actorOf(principal), {
      action: "environment.policy_updated",
      subjectType: "environment",
      subjectId: before.id,
      details: { slug, changes },
    });
    return toEnvironmentPolicyView(after);
  });
}
