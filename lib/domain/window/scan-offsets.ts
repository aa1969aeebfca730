// Where a zone's UTC offset changes between two instants. Luxon exposes offsets, not the zone's transition
// table, so the transitions are found by sampling every six hours and narrowing each change down to the minute
// (every transition since the 1970s falls on a whole minute).
import { DateTime } from "luxon";

const MINUTE_MS = 60_000;
// offsets never change twice within six hours, so sampling that often misses no transition
const SAMPLE_MS = 6 * 60 * MINUTE_MS;

export type OffsetScan = {
  /** every offset (minutes east of UTC) the zone uses in the range */
  offsets: number[];
  /** the first instant of each new offset */
  transitions: Date[];
};

export function scanOffsets(options: { timezone: string; from: Date; to: Date }): OffsetScan {
  const { timezone, from, to } = options;
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: timezone }).offset;
  const offsets = new Set<number>();
  const transitions: Date[] = [];
  let previous = from.getTime();
  let previousOffset = offsetAt(previous);
  offsets.add(previousOffset);
  for (let sample = previous + SAMPLE_MS; previous < to.getTime(); sample += SAMPLE_MS) {
    const offset = offsetAt(sample);
    if (offset !== previousOffset) {
      transitions.push(new Date(findTransition({ offsetAt, before: previous, after: sample })));
      offsets.add(offset);
    }
    previous = sample;
    previousOffset = offset;
  }
  return { offsets: [...offsets], transitions };
}

/** Binary search, in whole minutes, for the first instant with the later offset. */
function findTransition(options: { offsetAt: (ms: number) => number; before: number; after: number }): number {
  const { offsetAt } = options;
  const beforeOffset = offsetAt(options.before);
  let low = Math.floor(options.before / MINUTE_MS);
  let high = Math.ceil(options.after / MINUTE_MS);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * MINUTE_MS) === beforeOffset) low = middle;
    else high = middle;
  }
  return high * MINUTE_MS;
}
