// The request-based error budget over a rolling window, with every number behind it, so a person can check
// it by hand: allowed bad = total × (1 − objective); remaining = 1 − bad / allowed bad.
import { allowedErrorShare, MIN_SLI_REQUESTS } from "./slo-objectives";

export type ErrorBudget =
  | { status: "not_enough_data"; total: number; minRequests: number; reason: string }
  | {
      status: "ok" | "exhausted";
      good: number;
      bad: number;
      total: number;
      /** total × (1 − objective): how many requests may fail in the window */
      allowedBad: number;
      /** good ÷ total, in percent */
      availabilityPercent: number;
      /** 1 − bad ÷ allowedBad, as a ratio (negative when overspent) */
      remainingRatio: number;
      reason: string;
    };

export function computeErrorBudget({
  objectivePercent,
  total,
  bad,
  minRequests = MIN_SLI_REQUESTS,
}: {
  /** e.g. 99.9 */
  objectivePercent: number;
  total: number;
  bad: number;
  minRequests?: number;
}): ErrorBudget {
  if (!(total >= minRequests)) {
    const reason = `Not enough data: ${total} requests in the window, at least ${minRequests} are needed to judge the budget.`;
    return { status: "not_enough_data", total, minRequests, reason };
  }
  const good = total - bad;
  const allowedBad = Number((total * allowedErrorShare(objectivePercent)).toPrecision(12));
  const remainingRatio = 1 - bad / allowedBad;
  const availabilityPercent = (good / total) * 100;
  const exhausted = remainingRatio <= 0;
  const reason = exhausted
    ? `Budget spent: ${bad} failed requests of ${total}, more than the ${formatCount(allowedBad)} a ${objectivePercent}% objective allows.`
    : `${formatPercent(remainingRatio * 100)} of the budget left: ${bad} of ${formatCount(allowedBad)} allowed failed requests (${total} requests, objective ${objectivePercent}%).`;
  return { status: exhausted ? "exhausted" : "ok", good, bad, total, allowedBad, availabilityPercent, remainingRatio, reason };
}

const formatCount = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const formatPercent = (n: number) => `${Math.round(n * 10) / 10}%`;
