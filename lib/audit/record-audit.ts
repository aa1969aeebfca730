// Every change anyone makes is written here, in the same transaction as the change where there is one.
import type { Prisma, PrismaClient } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";

export type AuditActor = Pick<Principal, "label"> & { userId: string | null };

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Prisma.InputJsonValue;
};

type Client = PrismaClient | Prisma.TransactionClient;

export function actorOf(principal: Principal): AuditActor {
  return { userId: principal.userId, label: principal.label };
}

export async function recordAudit(client: Client, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: actor.userId,
      actorLabel: actor.label,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      details: entry.details ?? {},
    },
  });
}
