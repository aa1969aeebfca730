// The audit log, newest first, paged by id cursors so that new events never shift a page under the reader.
import { db, type Prisma } from "@/lib/db";
import { escapeLike } from "@/lib/db/escape-like";
import type { AuditQuery } from "@/lib/schemas/audit";

export type AuditEventView = {
  id: string;
  actorLabel: string;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: unknown;
  createdAt: string;
};

export type AuditPage = {
  items: AuditEventView[];
  /** pass as `before` for the next older page; null on the oldest page */
  olderCursor: string | null;
  /** pass as `after` for the next newer page; null on the newest page */
  newerCursor: string | null;
};

function filtersOf(query: AuditQuery): Prisma.AuditEventWhereInput {
  return {
    ...(query.actor
      ? {
          OR: [
            { actorLabel: { contains: escapeLike(query.actor), mode: "insensitive" } },
            { actor: { email: { contains: escapeLike(query.actor), mode: "insensitive" } } },
          ],
        }
      : {}),
    ...(query.action ? { action: { startsWith: escapeLike(query.action) } } : {}),
    ...(query.subjectType ? { subjectType: query.subjectType } : {}),
    ...(query.subjectId ? { subjectId: query.subjectId } : {}),
    ...(query.from || query.to ? { createdAt: { gte: query.from, lte: query.to } } : {}),
  };
}

async function exists(where: Prisma.AuditEventWhereInput): Promise<boolean> {
  return (await db.auditEvent.findFirst({ where, select: { id: true } })) !== null;
}

export async function listAuditEvents(query: AuditQuery): Promise<AuditPage> {
  const filters = filtersOf(query);
  const newerFirst = !query.after;
  const idBound = query.after ? { gt: BigInt(query.after) } : query.before ? { lt: BigInt(query.before) } : undefined;
  const rows = await db.auditEvent.findMany({
    where: { ...filters, ...(idBound ? { id: idBound } : {}) },
    orderBy: { id: newerFirst ? "desc" : "asc" },
    take: query.limit,
    include: { actor: { select: { email: true } } },
  });
  if (!newerFirst) rows.reverse();
  const newest = rows[0]?.id;
  const oldest = rows.at(-1)?.id;
  const [hasNewer, hasOlder] = await Promise.all([
    newest !== undefined ? exists({ AND: [filters, { id: { gt: newest } }] }) : false,
    oldest !== undefined ? exists({ AND: [filters, { id: { lt: oldest } }] }) : false,
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      actorLabel: row.actorLabel,
      actorEmail: row.actor?.email ?? null,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      details: row.details,
      createdAt: row.createdAt.toISOString(),
    })),
    olderCursor: hasOlder && oldest !== undefined ? oldest.toString() : null,
    newerCursor: hasNewer && newest !== undefined ? newest.toString() : null,
  };
}
