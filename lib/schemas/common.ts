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

/** PostgreSQL's bigint (int8) ceiling: a larger id cannot exist, and sending it to the database fails. */
export const INT8_MAX = 9_223_372_036_854_775_807n;

export function isInt8Id(value: string): boolean {
  return /^\d{1,19}$/.test(value) && BigInt(value) <= INT8_MAX;
}

/** An optional bigint id cursor sent as a decimal string (audit paging); empty means none. */
export const idCursor = (message: string) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().refine(isInt8Id, `${message} (a whole number from 0 to ${INT8_MAX})`).optional(),
  );

/** The dates the API accepts. Outside them JavaScript and PostgreSQL disagree (JavaScript's last day is in
 *  year 275760, PostgreSQL refuses years before 1 the way JavaScript writes them) and no release plan needs them. */
export const MIN_DATE = new Date("1970-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("9999-12-31T23:59:59.999Z");
const DATE_RANGE = "must be between 1970-01-01 and 9999-12-31";

/** A date and time (ISO string or Date) within the supported range. */
export const dateTime = (message: string) =>
  z.coerce.date({ message }).refine((date) => date >= MIN_DATE && date <= MAX_DATE, { message: DATE_RANGE, abort: true });

/** An optional date-time filter: trimmed, and absent when empty. */
export const optionalDateTime = (message: string) =>
  z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : value), dateTime(message).optional());

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
