// POST /api/v1/targets/{id}/test-connection and /api/v1/targets/test-connection: asks the target's provider
// what its configuration and credentials may do (reach the platform, authenticate, each verb a deploy
// needs), for a saved target or for a draft the form holds. Nothing on the platform changes; the attempt
// is audited (who tested what, and the outcome — never the credentials).
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { ConnectionReport, ProviderTarget } from "@/lib/providers/types";
import type { ConnectionDraft } from "@/lib/schemas/targets";
import { getProvider } from "@/lib/services/rollout/get-provider";
import { providerTargetSelect, toProviderTarget } from "@/lib/services/rollout/provider-target";

/** A platform that does not answer by then is reported as a failed check, not a hung request. */
export const CONNECTION_TEST_TIMEOUT_MS = 15_000;

async function runTest(target: ProviderTarget): Promise<ConnectionReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ConnectionReport>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          checks: [{ name: "reach the platform", ok: false, detail: `no answer within ${CONNECTION_TEST_TIMEOUT_MS / 1000} s` }],
        }),
      CONNECTION_TEST_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([getProvider(target.providerType).testConnection({ target }), timeout]);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation") throw error;
    return { ok: false, checks: [{ name: "reach the platform", ok: false, detail: (error as Error).message }] };
  } finally {
    clearTimeout(timer);
  }
}

async function loadTarget(id: string) {
  const row = await db.target.findUnique({ where: { id }, select: providerTargetSelect });
  if (!row) throw new AppError("not_found", `There is no target ${id}.`);
  return row;
}

async function audited(principal: Principal, target: ProviderTarget, saved: boolean): Promise<ConnectionReport> {
  const report = await runTest(target);
  await recordAudit(db, actorOf(principal), {
    action: "target.connection_tested",
    subjectType: "target",
    subjectId: saved ? target.id : null,
    details: {
      providerType: target.providerType,
      draft: !saved,
      ok: report.ok,
      checks: report.checks.map(({ name, ok }) => ({ name, ok })),
    },
  });
  return report;
}

export async function testSavedTargetConnection({ principal, id }: { principal: Principal; id: string }): Promise<ConnectionReport> {
  return audited(principal, toProviderTarget(await loadTarget(id)), true);
}

/** A draft may leave credentials out to use those stored on `targetId` (an edit that keeps the key). */
export async function testDraftConnection({
  principal,
  draft,
}: {
  principal: Principal;
  draft: ConnectionDraft;
}): Promise<ConnectionReport> {
  const stored = draft.targetId && draft.credentials === undefined ? toProviderTarget(await loadTarget(draft.targetId)) : null;
  if (stored && stored.providerType !== draft.providerType) {
    throw new AppError("validation", `Target ${draft.targetId} is a ${stored.providerType} target, not ${draft.providerType}.`, {
      fields: [{ path: "body.targetId", message: "is another provider's target" }],
    });
  }
  const target: ProviderTarget = {
    id: draft.targetId ?? "draft",
    providerType: draft.providerType,
    providerConfig: draft.providerConfig,
    credentials: draft.credentials ?? stored?.credentials,
  };
  return audited(principal, target, false);
}
