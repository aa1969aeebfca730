// A window policy loaded from the database was validated when it was saved, but a zone can disappear from
// the runtime's tz database and old rows predate validation: the decision must fail closed with a reason
// an admin can act on rather than throw inside a request.
import { IANAZone } from "luxon";
import { parseClock } from "./clock";
import type { WindowPolicy } from "./window-types";

/** A sentence naming what is wrong with the policy, or null when it can be evaluated. */
export function findPolicyProblem(policy: Pick<WindowPolicy, "timezone" | "allowWindows">): string | null {
  if (!IANAZone.isValidZone(policy.timezone)) return `"${policy.timezone}" is not a known IANA time zone`;
  for (const [index, window] of policy.allowWindows.entries()) {
    if (window.days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
      return `allow window ${index + 1} lists a day outside 1 (Monday)–7 (Sunday)`;
    }
    try {
      parseClock(window.start);
      parseClock(window.end);
    } catch (error) {
      return `allow window ${index + 1}: ${(error as Error).message}`;
    }
  }
  return null;
}
