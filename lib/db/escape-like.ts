// Prisma's `contains`, `startsWith` and `endsWith` become SQL LIKE / ILIKE patterns and pass `%` and `_`
// through as wildcards (checked against PostgreSQL with Prisma 7.10: "100%" also found "100x"). People
// searching for "100%" or "db_migrate" mean those characters; escape them with LIKE's default escape
// character, the backslash, which is therefore escaped too.
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
