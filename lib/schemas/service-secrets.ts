// Input of the service secrets routes (/api/v1/services/{id}/secrets): a secret is referenced by name from a
// smoke check's header, so the name follows the header reference's own rule (lib/smoke/check-schemas.ts).
import { z } from "zod";
import { secretName } from "@/lib/smoke/check-schemas";

export const serviceSecretParams = z.object({ id: z.string().min(1).max(100), name: secretName });

/** Write-only: the value goes into a header, so it is one line of at most 4096 characters. */
export const setServiceSecretBody = z
  .object({
    value: z
      .string()
      .min(1, "is required")
      .max(4096, "must be at most 4096 characters")
      .regex(/^[^\r\n\0]*$/, "must be one line"),
  })
  .strict();
export type SetServiceSecretInput = z.infer<typeof setServiceSecretBody>;

/** What the API says about a secret: never its value. */
export type ServiceSecretView = { name: string; createdAt: string; updatedAt: string };
