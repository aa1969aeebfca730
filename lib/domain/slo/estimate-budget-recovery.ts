// When a spent budget comes back: as the rolling window moves on, its oldest hours (and their failed
// requests) leave it. Assuming no further failures and the window's mean hourly traffic, the budget is back
// once the failures still inside are fewer than the window then allows. "Around": it is an estimate, and the
// page says what it assumes.
import { allowedErrorShare } from "./slo-objectives";

export type HourlyCounts = { start: Date; requests: number; errors: number };

const HOUR_MS = 3_600_000;

export function estimateBudgetRecovery({
  objectivePercent,
  hours,
  windowDays,
  now,
}: {
  objectivePercent: number;
  /** the window's hourly counts, any order */
  hours: readonly HourlyCounts[];
  windowDays: number;
  now: Date;
}): Date | null {
  const sorted = [...hours].sort((a, b) => a.start.getTime() - b.start.getTime());
  const allowedShare = allowedErrorShare(objectivePercent);
  let total = sorted.reduce((sum, h) => sum + h.requests, 0);
  let bad = sorted.reduce((sum, h) => sum + h.errors, 0);
  if (total === 0) return null;
  if (bad < total * allowedShare) return now;
  const meanHourly = total / (windowDays * 24);
  const windowMs = windowDays * 24 * HOUR_MS;
  for (const hour of sorted) {
    // the hour leaves the window once the window's start passes the hour's end
    const leavesAt = hour.start.getTime() + HOUR_MS + windowMs;
    const elapsedHours = Math.max(0, (leavesAt - now.getTime()) / HOUR_MS);
    total -= hour.requests;
    bad -= hour.errors;
    const projectedTotal = total + meanHourly * elapsedHours;
    if (bad < projectedTotal * allowedShare || bad === 0) return new Date(Math.max(leavesAt, now.getTime()));
  }
  return null;
}
