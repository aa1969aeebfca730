// The shapes the window decisions read and return. They mirror the Environment and Freeze rows, so a service
// passes what it loaded from Postgres without reshaping it; lib/schemas/environment-policy.ts validates them.

/** A recurring allow window: ISO weekdays (1 = Monday … 7 = Sunday) and local "HH:mm" times in the
 *  environment's time zone. An end at or before the start means the window runs past midnight into the
 *  next day; "24:00" is the end of the day. */
export type AllowWindow = { days: readonly number[]; start: string; end: string };

/** A one-off period during which nothing but rollbacks may deploy; it beats every allow window. */
export type Freeze = { startsAt: Date; endsAt: Date; reason: string };

export type WindowPolicy = {
  /** IANA zone the allow windows are read in, e.g. "Europe/Berlin" */
  timezone: string;
  /** empty = always open (freezes still apply) */
  allowWindows: readonly AllowWindow[];
  freezes: readonly Freeze[];
  /** a hotfix may deploy outside the allow windows (not during a freeze) */
  hotfixAnyTime: boolean;
};

export type WindowState = "open" | "closed" | "frozen";

/** The state at one instant, and the freeze responsible when frozen. */
export type WindowStateAt = { state: WindowState; freeze: Freeze | null };

/** How far ahead the next opening or closing is searched for. */
export const WINDOW_HORIZON_DAYS = 14;

/** Minimum length of the written reason that overrides a closed window. */
export const MIN_OVERRIDE_REASON_LENGTH = 10;
