// An admin edits a service's name, repository, owner, description, analysis configuration, SLO objectives or
// alert rules (never its slug). One audit entry
// lists each changed field from → to; a request that changes nothing writes nothing.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { db } from "@/lib/db";
import type { UpdateServiceInput } from "@/lib/schemas/services";
import { serviceSummaryInclude, toServiceSummary, type ServiceSummary } from "../list-services";
import { diffFields } from "./diff-fields";

type Input = { principal: Principal; id: string; input: UpdateServiceInput };

export async function updateService({ principal, id, input }: Input): Promise<ServiceSummary> {
  return db.$transaction(async (tx) => {
    const before = await tx.service.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", `There is no service ${id}.`);
    const { name, repository, owner, description, analysis, slos, alertRules } = input;
    const changes = diffFields({ before, input: { name, repository, owner, description, analysis, slos, alertRules } });
    const data = Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to]));
    const after = await tx.service.update({ where: { id }, data, include: serviceSummaryInclude });
    if (Object.keys(changes).length > 0) {
      await recordAudit(tx, actorOf(principal), {
        action: "service.updated",
        subjectType: "service",
        subjectId: id,
        details: { slug: before.slug, changes: JSON.parse(JSON.stringify(changes)) },
      });
    }
    return toServiceSummary(after);
  });
}
