// Input of the API token routes (/api/v1/tokens).
import { z } from "zod";
import { roleSchema } from "./common";

export const createTokenBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, "is required")
    .max(80)
    .regex(/^[\w .:@/-]+$/, "may contain letters, digits, spaces and . : @ / - _"),
  role: roleSchema,
  expiresInDays: z.number().int().min(1).max(3650).optional().nullable(),
});
export type CreateTokenInput = z.infer<typeof createTokenBody>;
