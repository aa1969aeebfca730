// Query of GET /api/v1/audit: filters plus id cursors (ids are BigInt, sent as decimal strings).
import { z } from "zod";
import { idCursor, optionalDateTime, optionalText } from "./common";

const cursor = idCursor("must be an event id");
const isoTime = optionalDateTime("must be an ISO date-time, e.g. 2026-01-31T12:00:00Z");

export const AUDIT_PAGE_SIZE = 50;

export const auditQuery = z
  .object({
    actor: optionalText(),
    action: optionalText(),
    subjectType: optionalText(),
    subjectId: optionalText(),
    from: isoTime,
    to: isoTime,
    /** events older than this id (the "Older" link) */
    before: cursor,
    /** events newer than this id (the "Newer" link) */
    after: cursor,
    limit: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .refine((q) => !(q.before && q.after), { message: "send either before or after, not both", path: ["before"] });
export type AuditQuery = z.infer<typeof auditQuery>;
