// PostgreSQL's text and jsonb types cannot hold the NUL character (U+0000): a string carrying one makes the
// query fail, which used to surface as a 500. The route wrapper refuses such input up front, naming each
// field, so no schema has to remember it.
import { AppError, type FieldError } from "./app-error";

const MESSAGE = "must not contain the NUL character (\\u0000)";

/** Paths (e.g. "body.notes", "query.q") of every string — value or key — that contains U+0000. Pure. */
export function nulPaths(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === "string") return value.includes("\u0000") ? [path] : [];
  // JSON parsed from a 1 MiB body cannot nest deeper than this in practice; stop rather than recurse forever.
  if (value === null || typeof value !== "object" || depth > 64) return [];
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const here = `${path}.${key.replaceAll("\u0000", "\\u0000")}`;
    return [...(key.includes("\u0000") ? [here] : []), ...nulPaths(item, here, depth + 1)];
  });
}

/** Throws a 422 naming every field of `inputs` (keyed by where they came from) that carries a NUL. */
export function assertNoNul(inputs: Record<string, unknown>): void {
  const fields: FieldError[] = Object.entries(inputs).flatMap(([where, value]) =>
    nulPaths(value, where).map((path) => ({ path, message: MESSAGE })),
  );
  if (fields.length === 0) return;
  throw new AppError("validation", `Fix these fields and try again — ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`, {
    fields,
  });
}
