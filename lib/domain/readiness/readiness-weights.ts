// The documents' pre-deploy checks and what each is worth out of 100. When a check does not apply (no backup
// step on the target, no approval required) the others are scaled up so the applicable ones still sum to 100.

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

export const READINESS_LABELS: Record<ReadinessCheckId, string> = {
  approvals: "Approvals present",
  window: "Deployment window open",
  promotion: "Promotion order satisfied",
  smoke_suite: "Smoke suite configured",
  backup: "Backup recorded",
  no_p1_alert: "No open P1 alert on the target",
};

/** Integer weights proportional to `weights` that sum to exactly 100 (largest remainder). */
export function scaleWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * 100) / total);
  const scaled = exact.map(Math.floor);
  let missing = 100 - scaled.reduce((sum, w) => sum + w, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    scaled[index] = (scaled[index] ?? 0) + 1;
    missing -= 1;
  }
  return scaled;
}
