// Several instant queries at one evaluation time in one request: each part is tagged with a label naming it
// (label_replace) and the parts are joined with `or`, which keeps them all since their label sets differ by
// that label. Prometheus evaluates the same expressions either way; what is saved is a round trip, a parse
// and an answer per part (an SLO read asks 16 at once). Each part must be what it would be alone: one
// series (or none). Should Prometheus refuse the whole (a part that does not parse, or a scalar, which
// label_replace does not take), every part is asked on its own, so each result or error is the part's own;
// a Prometheus that cannot be reached fails every part with the same reason without asking again.
import {
  queryPrometheus,
  readSample,
  requestInstantQuery,
  type InstantQueryInput,
  type QueryResult,
  type Sample,
} from "./query-prometheus";

export const PART_LABEL = "flightdeck_part";

type Series = { metric: Record<string, string>; value: Sample };

const literal = (text: string) => JSON.stringify(text);

/** The one query asking every part, each result labelled `flightdeck_part="<key>"`. */
export function combineParts(parts: Record<string, string>): string {
  return Object.entries(parts)
    .map(([key, query]) => `label_replace(${query}, ${literal(PART_LABEL)}, ${literal(key)}, "", "")`)
    .join(" or ");
}

function readPart(series: Series[] | undefined): QueryResult {
  if (!series?.length) return { kind: "empty", why: "the query returned an empty vector" };
  if (series.length > 1)
    return { kind: "error", error: `the query returned ${series.length} series; it must return one (aggregate with sum or max)` };
  return readSample(series[0]!.value);
}

/** Each part's result, as queryPrometheus would give it alone. Never rejects. */
export async function queryPrometheusParts({
  parts,
  ...input
}: Omit<InstantQueryInput, "query"> & { parts: Record<string, string> }): Promise<Record<string, QueryResult>> {
  const keys = Object.keys(parts);
  const alone = async () =>
    Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await queryPrometheus({ ...input, query: parts[key]! })])));
  if (keys.length < 2) return alone();
  const answer = await requestInstantQuery({ ...input, query: combineParts(parts) });
  if (answer.kind === "error") {
    if (answer.answered) return alone();
    return Object.fromEntries(keys.map((key) => [key, { kind: "error", error: answer.error } as const]));
  }
  if (answer.data?.resultType !== "vector") return alone();
  const byPart = new Map<string, Series[]>();
  for (const series of (answer.data.result ?? []) as Series[]) {
    const key = series.metric[PART_LABEL] ?? "";
    byPart.set(key, [...(byPart.get(key) ?? []), series]);
  }
  return Object.fromEntries(keys.map((key) => [key, readPart(byPart.get(key))]));
}
