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

/**
 * Free text that is stored: trimmed, bounded, and without NUL characters, which Postgres cannot store in
 * text and would otherwise turn into a 500. `min` 1 makes it required.
 */
export const storedText = ({ max, min = 0 }: { max: number; min?: number }) =>
  z
    .string()
    .trim()
    .min(min, min > 0 ? "is required" : undefined)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain NUL characters");

/** An optional stored field in an update: "" or null clears it. */
export const clearableText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), schema.nullable());

/** Which records a catalog list returns: active ones (the default), archived ones, or all. */
export const archivedFilter = z.enum(["false", "true", "all"], { message: "must be false, true or all" });
export type ArchivedFilter = z.infer<typeof archivedFilter>;
