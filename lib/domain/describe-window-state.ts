// The one-line window state shown on every environment and in refusals, e.g.
// "Open until 16:00 Thu (Europe/Berlin)", "Closed — opens Mon 10:00 (Europe/Berlin)".
import { DateTime } from "luxon";
import { WINDOW_HORIZON_DAYS, type Freeze, type WindowState } from "./window/window-types";

export type WindowStateSummary = {
  state: WindowState;
  nextChange: Date | null;
  opensAt: Date | null;
  closesAt: Date | null;
  freeze: Freeze | null;
  evaluatedAt: Date;
};

export function describeWindowState(decision: WindowStateSummary, timezone: string): string {
  const { state, nextChange, opensAt, closesAt, freeze, evaluatedAt } = decision;
  const format = (at: Date, order: "time-first" | "day-first") => formatWindowTime({ at, timezone, evaluatedAt, order });
  const zone = `(${timezone})`;
  if (state === "open") {
    return closesAt ? `Open until ${format(closesAt, "time-first")} ${zone}` : `Open, no closing scheduled ${zone}`;
  }
  const opening = opensAt ? `opens ${format(opensAt, "day-first")}` : `does not open in the next ${WINDOW_HORIZON_DAYS} days`;
  if (state === "closed") return `Closed — ${opening} ${zone}`;

  const until = nextChange ?? freeze?.endsAt ?? null;
  const untilText = until ? `until ${format(until, "day-first")}` : "no end set";
  // after a freeze the window may still be closed: say when it actually opens
  const then = opensAt && until && opensAt.getTime() !== until.getTime() ? `, then ${opening}` : "";
  return `Frozen: ${freeze?.reason ?? "no reason given"} — ${untilText}${then} ${zone}`;
}

// The weekday alone is enough within the coming week; further out it would be ambiguous, so the date is added.
const WEEK_MS = 6 * 24 * 60 * 60 * 1000;

function formatWindowTime(options: { at: Date; timezone: string; evaluatedAt: Date; order: "time-first" | "day-first" }): string {
  const { at, timezone, evaluatedAt, order } = options;
  const local = DateTime.fromJSDate(at, { zone: timezone }).setLocale("en-GB");
  const day = at.getTime() - evaluatedAt.getTime() < WEEK_MS ? local.toFormat("ccc") : local.toFormat("ccc d LLL");
  const time = local.toFormat("HH:mm");
  return order === "time-first" ? `${time} ${day}` : `${day} ${time}`;
}
