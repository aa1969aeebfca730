// An alert's state, derived from its times so it can never disagree with them.
export const ALERT_STATES = ["open", "acknowledged", "resolved"] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export function alertState({ acknowledgedAt, resolvedAt }: { acknowledgedAt: Date | null; resolvedAt: Date | null }): AlertState {
  if (resolvedAt) return "resolved";
  return acknowledgedAt ? "acknowledged" : "open";
}
