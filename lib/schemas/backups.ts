// Body of POST /api/v1/targets/{id}/backups: the pre-deploy backup a target declares it needs.
import { z } from "zod";

export const recordBackupBody = z.object({
  releaseId: z.string().trim().min(1, "is required").max(100),
  /** what was backed up and where, for the people who may need to restore it */
  note: z.string().trim().min(3, "say what was backed up and where (at least 3 characters)").max(2000),
});
export type RecordBackupInput = z.infer<typeof recordBackupBody>;
