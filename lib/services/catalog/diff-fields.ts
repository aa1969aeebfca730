// What an update changed, field by field, for its audit entry: a person reading the log sees from → to.
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `input` (ignoring undefined ones) whose value differs from `before`. */
export function diffFields({ before, input }: { before: Record<string, unknown>; input: Record<string, unknown> }): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, to] of Object.entries(input)) {
    if (to === undefined || same(before[field], to)) continue;
    changes[field] = { from: before[field] ?? null, to };
  }
  return changes;
}
