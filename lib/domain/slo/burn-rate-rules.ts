// The multiwindow, multi-burn-rate alerts of the Google SRE workbook, for a 30-day budget: each rule fires
// only when both its long window (is it significant?) and its short window (is it still happening?) burn
// faster than its factor, so a spike that has stopped does not page, and a slow leak still opens a ticket.

export const BURN_WINDOWS = { "5m": 300, "30m": 1_800, "1h": 3_600, "6h": 21_600, "3d": 259_200 } as const;
export type BurnWindow = keyof typeof BURN_WINDOWS;

export type BurnRateRule = {
  id: string;
  action: "page" | "ticket";
  factor: number;
  long: BurnWindow;
  short: BurnWindow;
  /** share of a 30-day budget the long window spends at this factor, as a person reads the rule */
  budgetSpent: string;
};

export const BURN_RATE_RULES: readonly BurnRateRule[] = [
  { id: "fast", action: "page", factor: 14.4, long: "1h", short: "5m", budgetSpent: "2 % of the budget in 1 h" },
  { id: "medium", action: "page", factor: 6, long: "6h", short: "30m", budgetSpent: "5 % of the budget in 6 h" },
  { id: "slow", action: "ticket", factor: 1, long: "3d", short: "6h", budgetSpent: "10 % of the budget in 3 d" },
];

/** Fewer requests than this in a window: its burn rate is unknown, and a rule that needs it does not fire. */
export const MIN_BURN_REQUESTS = 50;
