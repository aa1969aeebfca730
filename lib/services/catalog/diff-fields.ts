// What an update changed, field by field, for its audit entry: a person reading the log sees from → to.
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** JSON with every object's keys sorted: Postgres' jsonb gives keys back in its own order, which is no change. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === "object" && !(value instanceof Date)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
        )
      : value;

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The fields of `input` (ignoring undefined ones) whose value differs from `before`. */
export function diffFields({ before, input }: { before: Record<string, unknown>; input: Record<string, unknown> }): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(input)) {
    if (to === undefined || same(before[field], to)) continue;
    changes[field] = { from: before[field] ?? null, to };
  }
  return changes;
}
