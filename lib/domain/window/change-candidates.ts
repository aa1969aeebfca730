// Every instant at which a window policy's state can flip: each occurrence of a window boundary on the wall
// clock, each daylight-saving transition (a skipped or repeated hour can carry the clock across a boundary
// without the clock ever showing it), and each freeze start and end. Between two of these the state is
// constant, so evaluating the state at each candidate finds the next change exactly.
import { DateTime, FixedOffsetZone } from "luxon";
import { parseClock } from "./clock";
import { scanOffsets } from "./scan-offsets";
import type { WindowPolicy } from "./window-types";

/** Candidates strictly after `from` and no later than `to`, sorted and without duplicates. */
export function listChangeCandidates(options: {
  policy: Pick<WindowPolicy, "timezone" | "allowWindows" | "freezes">;
  from: Date;
  to: Date;
}): Date[] {
  const { policy, from, to } = options;
  const scan = scanOffsets({ timezone: policy.timezone, from, to });
  const instants = [...scan.transitions.map((d) => d.getTime())];
  for (const freeze of policy.freezes) instants.push(freeze.startsAt.getTime(), freeze.endsAt.getTime());

  const clocks = new Set(policy.allowWindows.flatMap((w) => [parseClock(w.start) % 1440, parseClock(w.end) % 1440]));
  const firstDay = DateTime.fromJSDate(from, { zone: policy.timezone }).startOf("day").minus({ days: 1 });
  const lastDay = DateTime.fromJSDate(to, { zone: policy.timezone }).plus({ days: 1 });
  for (let day = firstDay; day <= lastDay; day = day.plus({ days: 1 })) {
    for (const minuteOfDay of clocks) {
      instants.push(...findWallClockInstants({ timezone: policy.timezone, offsets: scan.offsets, day, minuteOfDay }));
    }
  }
  const inRange = instants.filter((ms) => ms > from.getTime() && ms <= to.getTime());
  return [...new Set(inRange)].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** The instants at which the zone's wall clock reads the given time on the given date: one on most days,
 *  two in a fall-back day's repeated hour, none in a spring-forward day's skipped hour. */
function findWallClockInstants(options: { timezone: string; offsets: number[]; day: DateTime; minuteOfDay: number }): number[] {
  const { timezone, offsets, day, minuteOfDay } = options;
  const wall = { year: day.year, month: day.month, day: day.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
  return offsets
    .map((offset) => DateTime.fromObject(wall, { zone: FixedOffsetZone.instance(offset) }))
    .filter((candidate) => candidate.setZone(timezone).offset === candidate.offset)
    .map((candidate) => candidate.toMillis());
}
