// The documents' pre-deploy checks and what each is worth out of 100. The weights always sum to 100 and are
// never rescaled: a check that does not apply to a target (no backup step, no approval required) passes,
// so a release's score moves only with what it actually lacks.

export const READINESS_CHECK_IDS = ["approvals", "window", "promotion", "smoke_suite", "backup", "no_p1_alert"] as const;
export type ReadinessCheckId = (typeof READINESS_CHECK_IDS)[number];

export const READINESS_WEIGHTS: Record<ReadinessCheckId, number> = {
  approvals: 25,
  window: 20,
  promotion: 20,
  smoke_suite: 15,
  backup: 10,
  no_p1_alert: 10,
};

/**
 * The share of its weight a check that warns earns; a pass earns all of it, a failure nothing. Half, as the
 * documents' readiness checker scores: 8 passed and 6 warning checks of 14 equal ones give its 78.6/100.
 */
export const WARNING_CREDIT = 0.5;

export const READINESS_LABELS: Record<ReadinessCheckId, string> = {
  approvals: "Approvals present",
  window: "Deployment window open",
  promotion: "Promotion order satisfied",
  smoke_suite: "Smoke suite passed in the previous environment",
  backup: "Backup recorded",
  no_p1_alert: "No open P1 alert on the target",
};
