// When the state of a window policy next flips, searched up to WINDOW_HORIZON_DAYS ahead.
import { DateTime } from "luxon";
import { listChangeCandidates } from "./change-candidates";
import { findWindowStateAt } from "./window-state-at";
import { WINDOW_HORIZON_DAYS, type WindowPolicy, type WindowStateAt } from "./window-types";

export type WindowChanges = {
  current: WindowStateAt;
  /** the first instant the state differs from now (frozen → closed counts), null if none in the horizon */
  nextChange: Date | null;
  /** when open: null; otherwise the next instant it is open */
  opensAt: Date | null;
  /** when open: the instant it stops being open; otherwise the end of the opening at `opensAt` */
  closesAt: Date | null;
};

export function findNextChanges(options: {
  policy: Pick<WindowPolicy, "timezone" | "allowWindows" | "freezes">;
  now: Date;
}): WindowChanges {
  const { policy, now } = options;
  const current = findWindowStateAt({ policy, at: now });
  const to = DateTime.fromJSDate(now).plus({ days: WINDOW_HORIZON_DAYS }).toJSDate();
  let nextChange: Date | null = null;
  let opensAt: Date | null = null;
  let closesAt: Date | null = null;
  // candidates are evaluated lazily, in order, until all three answers are known
  for (const at of listChangeCandidates({ policy, from: now, to })) {
    const { state } = findWindowStateAt({ policy, at });
    if (!nextChange && state !== current.state) nextChange = at;
    if (current.state !== "open" && !opensAt && state === "open") opensAt = at;
    const isOpening = current.state === "open" || opensAt !== null;
    if (isOpening && !closesAt && state !== "open") closesAt = at;
    if (nextChange && (current.state === "open" || (opensAt && closesAt))) break;
  }
  return { current, nextChange, opensAt, closesAt };
}
