// A window decision as the API returns it: the state, whether a deploy may go now and why, the one-line
// description shown on every environment, and the next opening / closing.
import { describeWindowState } from "@/lib/domain/describe-window-state";
import type { WindowDecision } from "@/lib/domain/evaluate-window";

export type WindowView = {
  state: WindowDecision["state"];
  allowed: boolean;
  reason: string;
  description: string;
  opensAt: string | null;
  closesAt: string | null;
  nextChange: string | null;
  freeze: { startsAt: string; endsAt: string; reason: string } | null;
  bypass: WindowDecision["bypass"];
  evaluatedAt: string;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWindowView(decision: WindowDecision, timezone: string): WindowView {
  const { freeze } = decision;
  return {
    state: decision.state,
    allowed: decision.allowed,
    reason: decision.reason,
    description: describeWindowState(decision, timezone),
    opensAt: iso(decision.opensAt),
    closesAt: iso(decision.closesAt),
    nextChange: iso(decision.nextChange),
    freeze: freeze ? { startsAt: freeze.startsAt.toISOString(), endsAt: freeze.endsAt.toISOString(), reason: freeze.reason } : null,
    bypass: decision.bypass,
    evaluatedAt: decision.evaluatedAt.toISOString(),
  };
}
