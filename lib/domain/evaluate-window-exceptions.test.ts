// Freezes, and the three ways past a window that is not open: rollbacks, hotfixes and written overrides.
import { describe, expect, it } from "vitest";
import { PRODUCTION_ALLOW_WINDOWS } from "./document-defaults";
import { evaluateWindow, type EvaluateWindowOptions } from "./evaluate-window";
import type { Freeze } from "./window/window-types";

const audit: Freeze = { startsAt: new Date("2026-06-16T00:00:00Z"), endsAt: new Date("2026-06-16T12:00:00Z"), reason: "Quarterly audit" };
const production = (freezes: Freeze[] = [], hotfixAnyTime = true) => ({
  timezone: "Europe/Berlin",
  allowWindows: PRODUCTION_ALLOW_WINDOWS,
  freezes,
  hotfixAnyTime,
});
const decide = (now: string, options: Partial<EvaluateWindowOptions> = {}) =>
  evaluateWindow({ policy: production([audit]), kind: "deploy", hotfix: false, ...options, now: new Date(now) });
const iso = (date: Date | null) => date?.toISOString() ?? null;
const FRIDAY_NOON = "2026-06-12T10:00:00Z";

describe("evaluateWindow — freezes", () => {
  it("a freeze beats an open window, and its end mid-window is the next change", () => {
    const decision = decide("2026-06-16T08:00:00Z"); // Tue 10:00 CEST, inside the allow window
    expect(decision).toMatchObject({ allowed: false, state: "frozen", freeze: audit, bypass: null });
    expect([iso(decision.nextChange), iso(decision.opensAt), iso(decision.closesAt)]).toEqual([
      "2026-06-16T12:00:00.000Z",
      "2026-06-16T12:00:00.000Z",
      "2026-06-16T14:00:00.000Z",
    ]);
    expect(decision.reason).toBe(
      "Frozen: Quarterly audit — until Tue 14:00 (Europe/Berlin). Only rollbacks may deploy during a freeze; a release manager may override it with a written reason.",
    );
  });

  it("an open window closes when a freeze starts inside it", () => {
    const decision = decide("2026-06-15T23:00:00Z", { policy: production([{ ...audit, startsAt: new Date("2026-06-16T09:00:00Z") }]) });
    expect(decision.state).toBe("closed");
    const open = decide("2026-06-16T08:30:00Z", { policy: production([{ ...audit, startsAt: new Date("2026-06-16T09:00:00Z") }]) });
    expect(open).toMatchObject({ state: "open", reason: "Open until 11:00 Tue (Europe/Berlin)" });
    expect(iso(open.closesAt)).toBe("2026-06-16T09:00:00.000Z");
  });

  it("a freeze ending outside the window says when the window opens after it", () => {
    const night: Freeze = { startsAt: new Date("2026-06-15T20:00:00Z"), endsAt: new Date("2026-06-16T05:00:00Z"), reason: "DB migration" };
    const decision = decide("2026-06-16T02:00:00Z", { policy: production([night]) });
    expect(iso(decision.nextChange)).toBe("2026-06-16T05:00:00.000Z");
    expect(decision.reason).toMatch(/^Frozen: DB migration — until Tue 07:00, then opens Tue 10:00 \(Europe\/Berlin\)\./);
  });

  it("freezes an always-open environment too, and ends exactly at endsAt", () => {
    const staging = { timezone: "UTC", allowWindows: [], freezes: [audit], hotfixAnyTime: true };
    expect(decide("2026-06-16T11:59:59Z", { policy: staging }).state).toBe("frozen");
    expect(decide("2026-06-16T12:00:00Z", { policy: staging })).toMatchObject({ state: "open", allowed: true, nextChange: null });
  });
});

describe("evaluateWindow — rollbacks are never held", () => {
  it("allows a rollback when closed, frozen or open, without a review", () => {
    for (const now of [FRIDAY_NOON, "2026-06-16T08:00:00Z", "2026-06-15T09:00:00Z"]) {
      const decision = decide(now, { kind: "rollback" });
      expect(decision).toMatchObject({ allowed: true, bypass: "rollback", opensReview: false });
      expect(decision.reason).toMatch(/^Rollbacks are never held by windows or freezes \(/);
    }
    expect(decide("2026-06-16T08:00:00Z", { kind: "rollback" }).state).toBe("frozen");
  });
});

describe("evaluateWindow — hotfixes", () => {
  it("deploy outside the window when the policy allows it, and open a review", () => {
    const decision = decide(FRIDAY_NOON, { hotfix: true });
    expect(decision).toMatchObject({ allowed: true, state: "closed", bypass: "hotfix", opensReview: true });
    expect(decision.reason).toBe(
      "Hotfix allowed outside the window (Closed — opens Mon 10:00 (Europe/Berlin)); approval is still required and a post-hoc review will be opened.",
    );
  });

  it("need no bypass inside the window", () => {
    expect(decide("2026-06-15T09:00:00Z", { hotfix: true })).toMatchObject({ allowed: true, bypass: null, opensReview: false });
  });

  it("are held when the policy has no hotfix rule, and by a freeze (a deny beats an allow)", () => {
    expect(decide(FRIDAY_NOON, { hotfix: true, policy: production([], false) })).toMatchObject({ allowed: false, bypass: null });
    const frozen = decide("2026-06-16T08:00:00Z", { hotfix: true });
    expect(frozen).toMatchObject({ allowed: false, state: "frozen", bypass: null, opensReview: false });
    expect(frozen.reason).toMatch(/Hotfixes do not bypass a freeze; a release manager may override it with a written reason\.$/);
  });
});

describe("evaluateWindow — written overrides", () => {
  it("open a closed or frozen window with a reason of 10 characters or more, and open a review", () => {
    const closed = decide(FRIDAY_NOON, { overrideReason: "  Payment outage fix " });
    expect(closed).toMatchObject({ allowed: true, bypass: "override", opensReview: true });
    expect(closed.reason).toBe(
      "Window overridden with a written reason (Closed — opens Mon 10:00 (Europe/Berlin)); a post-hoc review will be opened.",
    );
    expect(decide("2026-06-16T08:00:00Z", { overrideReason: "Audit fix needed" })).toMatchObject({ allowed: true, bypass: "override" });
  });

  it("refuse a reason that is too short, saying how long it must be", () => {
    const decision = decide(FRIDAY_NOON, { overrideReason: " urgent  " });
    expect(decision).toMatchObject({ allowed: false, bypass: null, opensReview: false });
    expect(decision.reason).toBe(
      "An override needs a written reason of at least 10 characters explaining why this cannot wait (got 6). Closed — opens Mon 10:00 (Europe/Berlin).",
    );
  });

  it("are ignored when blank or when the window is open", () => {
    expect(decide(FRIDAY_NOON, { overrideReason: "   " }).reason).toMatch(/^Closed — opens Mon 10:00/);
    expect(decide("2026-06-15T09:00:00Z", { overrideReason: "short" })).toMatchObject({ allowed: true, bypass: null });
  });
});

describe("evaluateWindow — a policy that cannot be read", () => {
  it("fails closed and tells an admin what to fix; rollbacks still go", () => {
    const broken = { ...production(), timezone: "Mars/Olympus" };
    const decision = decide(FRIDAY_NOON, { policy: broken });
    expect(decision).toMatchObject({ allowed: false, state: "closed", nextChange: null });
    expect(decision.reason).toBe(
      `The window policy cannot be evaluated: "Mars/Olympus" is not a known IANA time zone. An admin must correct the environment's window policy.`,
    );
    expect(decide(FRIDAY_NOON, { policy: broken, kind: "rollback" }).allowed).toBe(true);
  });
});
