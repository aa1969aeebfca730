// An admin edits a target's provider configuration (checked against its provider type, which stays),
// rollout settings and metrics source. The change applies to the next deployment; one running now keeps the plan it started
// with. One audit entry lists each changed field from → to.
import { AppError } from "@/lib/api/app-error";
import { fromZodError } from "@/lib/api/problem";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db, type Prisma } from "@/lib/db";
import { providerConfigUpdate, type UpdateTargetInput } from "@/lib/schemas/targets";
import { diffFields } from "./diff-fields";
import { targetViewInclude, toTargetView, type TargetView } from "./target-view";

type Input = { principal: Principal; id: string; input: UpdateTargetInput };

function checkedConfig(providerType: "local" | "kubernetes" | "cloudrun", providerConfig: unknown) {
  if (providerConfig === undefined) return undefined;
  const parsed = providerConfigUpdate(providerType).safeParse({ providerConfig });
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  return parsed.data;
}

export async function updateTarget({ principal, id, input }: Input): Promise<TargetView> {
  return db.$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { id }, include: { service: true, environment: true } });
    if (!before) throw new AppError("not_found", `There is no target ${id}.`);
    const { defaultStrategy, canarySteps, stepPauseSeconds, requiresBackup, metricsSource } = input;
    const providerConfig = checkedConfig(before.providerType, input.providerConfig);
    const changes = diffFields({
      before,
      input: { providerConfig, defaultStrategy, canarySteps, stepPauseSeconds, requiresBackup, metricsSource },
    });
    const data = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to])) as Prisma.TargetUpdateInput;
    // Credentials are never compared nor logged: a new value replaces the stored one, null removes it.
    if (input.credentials !== undefined) {
      data.credentialsEncrypted = input.credentials === null ? null : encryptSecret(input.credentials);
      changes.credentials = {
        from: before.credentialsEncrypted === null ? "none" : "stored",
        to: input.credentials === null ? "removed" : "replaced",
      };
    }
    const after = await tx.target.update({ where: { id }, data, include: targetViewInclude });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, actorOf(principal), {
        action: "target.updated",
        subjectType: "target",
        subjectId: id,
        details: { service: before.service.slug, environment: before.environment.slug, changes: JSON.parse(JSON.stringify(changes)) },
      });
    }
    return toTargetView(after);
  });
}
