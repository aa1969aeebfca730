// The window state at one instant, read off the wall clock of the environment's zone. Reading the wall
// clock (rather than precomputing intervals) is what keeps 10:00–16:00 at 10:00–16:00 local time across a
// daylight-saving change, and makes a fall-back day's repeated hour behave like any other hour.
import { DateTime } from "luxon";
import { isInsideWindow } from "./clock";
import type { WindowPolicy, WindowStateAt } from "./window-types";

export function findWindowStateAt(options: {
  policy: Pick<WindowPolicy, "timezone" | "allowWindows" | "freezes">;
  at: Date;
}): WindowStateAt {
  const { policy, at } = options;
  const time = at.getTime();
  // a freeze covers [startsAt, endsAt): it is over at the instant it ends
  const freeze = policy.freezes.find((f) => f.startsAt.getTime() <= time && time < f.endsAt.getTime());
  if (freeze) return { state: "frozen", freeze };
  if (policy.allowWindows.length === 0) return { state: "open", freeze: null };

  const local = DateTime.fromJSDate(at, { zone: policy.timezone });
  const minuteOfDay = local.hour * 60 + local.minute;
  const isOpen = policy.allowWindows.some((window) => isInsideWindow({ window, weekday: local.weekday, minuteOfDay }));
  return { state: isOpen ? "open" : "closed", freeze: null };
}
