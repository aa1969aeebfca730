// Burn rate: how fast a window spends the error budget, relative to spending exactly all of it over the
// budget window. 1 = on pace to spend it all; 14.4 over 1 h = 2 % of a 30-day budget in that hour.
import { allowedErrorShare } from "./slo-objectives";

/** errors ÷ requests ÷ (1 − objective); null when the window has fewer requests than the minimum. */
export function computeBurnRate({
  objectivePercent,
  requests,
  errors,
  minRequests,
}: {
  objectivePercent: number;
  requests: number;
  errors: number;
  minRequests: number;
}): number | null {
  if (!(requests >= minRequests) || requests === 0) return null;
  return errors / requests / allowedErrorShare(objectivePercent);
}
