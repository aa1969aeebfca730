// The small JSONPath subset smoke assertions use: `$`, `.name`, `["name"]`, `[0]` and `[*]` (every element
// of an array, which makes the result a list). Enough to point into a JSON-RPC result without a library
// whose full grammar (filters, scripts) a stored suite could abuse.

export type PathSegment = { kind: "key"; key: string } | { kind: "index"; index: number } | { kind: "all" };

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d{1,6})\]|\[\*\]|\["((?:[^"\\]|\\.)*)"\])/;

/** Parses `$.a.b[0]`; returns a message instead of segments when the path is not in the subset. */
export function parseJsonPath(path: string): PathSegment[] | string {
  if (!path.startsWith("$")) return 'must start with "$"';
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return `cannot read "${rest.slice(0, 20)}": use .name, ["name"], [0] or [*]`;
    if (match[1] !== undefined) segments.push({ kind: "key", key: match[1] });
    else if (match[2] !== undefined) segments.push({ kind: "index", index: Number(match[2]) });
    else if (match[3] !== undefined) segments.push({ kind: "key", key: JSON.parse(`"${match[3]}"`) as string });
    else segments.push({ kind: "all" });
    rest = rest.slice(match[0].length);
  }
  if (segments.length > 32) return "is deeper than 32 segments";
  return segments;
}

export type PathValue = { found: true; value: unknown } | { found: false };

function step(value: unknown, segment: Exclude<PathSegment, { kind: "all" }>): PathValue {
  if (segment.kind === "index") {
    return Array.isArray(value) && segment.index < value.length ? { found: true, value: value[segment.index] } : { found: false };
  }
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  return isObject && Object.hasOwn(value, segment.key)
    ? { found: true, value: (value as Record<string, unknown>)[segment.key] }
    : { found: false };
}

/**
 * Reads `path` in `document`. After a `[*]`, the following segments apply to each element and the value
 * is the list of what was found (elements lacking the rest are left out).
 */
export function readJsonPath(document: unknown, segments: PathSegment[]): PathValue {
  let current: PathValue = { found: true, value: document };
  for (let i = 0; i < segments.length; i += 1) {
    if (!current.found) return current;
    const segment = segments[i]!;
    if (segment.kind === "all") {
      if (!Array.isArray(current.value)) return { found: false };
      const rest = segments.slice(i + 1);
      const values = current.value.map((element) => readJsonPath(element, rest)).flatMap((r) => (r.found ? [r.value] : []));
      return { found: true, value: values };
    }
    current = step(current.value, segment);
  }
  return current;
}
