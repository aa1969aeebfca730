// The targets an alert evaluation judges: serving a revision, neither they nor their service archived. The
// evaluator reads them, and a target's page shows its rules' states only while it is one of them.
import type { Prisma } from "@/lib/db";

export const EVALUATED_TARGETS = {
  currentRevision: { not: null },
  archivedAt: null,
  service: { archivedAt: null },
} satisfies Prisma.TargetWhereInput;
