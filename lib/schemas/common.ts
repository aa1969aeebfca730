// Building blocks shared by the route schemas: query strings arrive as strings, and an empty form field
// means "no filter", not "match the empty string".
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const roleSchema = z.enum(ROLES, { message: `must be one of ${ROLES.join(", ")}` });

/** An optional text filter: trimmed, and absent when empty. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

export const idParams = z.object({ id: z.string().min(1).max(100) });

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
