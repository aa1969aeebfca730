import { describe, expect, it } from "vitest";
import { PRODUCTION_ALLOW_WINDOWS } from "./document-defaults";
import { evaluateWindow, type EvaluateWindowOptions } from "./evaluate-window";
import type { AllowWindow, Freeze } from "./window/window-types";

const policy = (timezone: string, allowWindows: readonly AllowWindow[], freezes: Freeze[] = []) => ({
  timezone,
  allowWindows,
  freezes,
  hotfixAnyTime: true,
});
const deployAt = (options: Omit<Partial<EvaluateWindowOptions>, "now"> & Pick<EvaluateWindowOptions, "policy"> & { now: string }) =>
  evaluateWindow({ kind: "deploy", hotfix: false, ...options, now: new Date(options.now) });
const iso = (date: Date | null) => date?.toISOString() ?? null;
const times = (d: { nextChange: Date | null; opensAt: Date | null; closesAt: Date | null }) => ({
  nextChange: iso(d.nextChange),
  opensAt: iso(d.opensAt),
  closesAt: iso(d.closesAt),
});

const berlinProduction = policy("Europe/Berlin", PRODUCTION_ALLOW_WINDOWS);

describe("evaluateWindow — the default production policy, Mon–Thu 10:00–16:00", () => {
  it("is closed on Friday at noon and opens on Monday at 10:00", () => {
    const decision = deployAt({ policy: berlinProduction, now: "2026-06-12T10:00:00Z" }); // Fri 12:00 CEST
    expect(decision.allowed).toBe(false);
    expect(decision.state).toBe("closed");
    expect(times(decision)).toEqual({
      nextChange: "2026-06-15T08:00:00.000Z",
      opensAt: "2026-06-15T08:00:00.000Z",
      closesAt: "2026-06-15T14:00:00.000Z",
    });
    expect(decision.reason).toBe(
      "Closed — opens Mon 10:00 (Europe/Berlin). Deploy when it opens, queue the deploy to wait for it, or ask a release manager to override it with a written reason.",
    );
    expect(decision.bypass).toBeNull();
    expect(decision.opensReview).toBe(false);
  });

  it("is open on Thursday until 16:00 and closes at 16:00 sharp", () => {
    const open = deployAt({ policy: berlinProduction, now: "2026-06-11T13:59:59Z" });
    expect(open).toMatchObject({ allowed: true, state: "open", reason: "Open until 16:00 Thu (Europe/Berlin)", opensAt: null });
    expect(times(open)).toEqual({ nextChange: "2026-06-11T14:00:00.000Z", opensAt: null, closesAt: "2026-06-11T14:00:00.000Z" });
    const closed = deployAt({ policy: berlinProduction, now: "2026-06-11T14:00:00Z" });
    expect(closed.state).toBe("closed");
    expect(iso(closed.opensAt)).toBe("2026-06-15T08:00:00.000Z");
  });

  it("opens at 10:00 sharp", () => {
    expect(deployAt({ policy: berlinProduction, now: "2026-06-15T07:59:59Z" }).state).toBe("closed");
    expect(deployAt({ policy: berlinProduction, now: "2026-06-15T08:00:00Z" }).state).toBe("open");
  });

  it("is always open with no allow windows and says so", () => {
    const decision = deployAt({ policy: policy("UTC", []), now: "2026-06-13T03:00:00Z" });
    expect(decision).toMatchObject({ allowed: true, state: "open", reason: "Open, no closing scheduled (UTC)" });
    expect(times(decision)).toEqual({ nextChange: null, opensAt: null, closesAt: null });
  });
});

describe("evaluateWindow — time zones east and west of UTC", () => {
  it("Asia/Tokyo (UTC+9): Monday 09:59 is closed, opens at 10:00 JST = 01:00Z", () => {
    const decision = deployAt({ policy: policy("Asia/Tokyo", PRODUCTION_ALLOW_WINDOWS), now: "2026-06-15T00:59:00Z" });
    expect(decision.state).toBe("closed");
    expect(times(decision)).toEqual({
      nextChange: "2026-06-15T01:00:00.000Z",
      opensAt: "2026-06-15T01:00:00.000Z",
      closesAt: "2026-06-15T07:00:00.000Z",
    });
    expect(decision.reason).toMatch(/^Closed — opens Mon 10:00 \(Asia\/Tokyo\)\./);
  });

  it("America/Los_Angeles (UTC−7 in summer): Thursday 15:30 PDT is open until 16:00 PDT = 23:00Z", () => {
    const decision = deployAt({ policy: policy("America/Los_Angeles", PRODUCTION_ALLOW_WINDOWS), now: "2026-06-11T22:30:00Z" });
    expect(decision).toMatchObject({ allowed: true, state: "open", reason: "Open until 16:00 Thu (America/Los_Angeles)" });
    expect(iso(decision.closesAt)).toBe("2026-06-11T23:00:00.000Z");
  });

  it("America/Los_Angeles: Friday 02:00Z is still Thursday 19:00 locally, closed until Monday", () => {
    const decision = deployAt({ policy: policy("America/Los_Angeles", PRODUCTION_ALLOW_WINDOWS), now: "2026-06-12T02:00:00Z" });
    expect(decision.state).toBe("closed");
    expect(iso(decision.opensAt)).toBe("2026-06-15T17:00:00.000Z");
  });

  it("Asia/Kolkata (UTC+5:30): opens at 10:00 IST = 04:30Z and closes at 10:30Z", () => {
    const decision = deployAt({ policy: policy("Asia/Kolkata", PRODUCTION_ALLOW_WINDOWS), now: "2026-06-15T04:29:00Z" });
    expect(decision.state).toBe("closed");
    expect(times(decision)).toEqual({
      nextChange: "2026-06-15T04:30:00.000Z",
      opensAt: "2026-06-15T04:30:00.000Z",
      closesAt: "2026-06-15T10:30:00.000Z",
    });
    expect(deployAt({ policy: policy("Asia/Kolkata", PRODUCTION_ALLOW_WINDOWS), now: "2026-06-15T04:30:00Z" }).state).toBe("open");
  });
});

describe("evaluateWindow — windows that cross midnight", () => {
  const fridayNight = policy("Asia/Tokyo", [{ days: [5], start: "22:00", end: "02:00" }]);

  it("is open after midnight on Saturday and closes at 02:00", () => {
    const decision = deployAt({ policy: fridayNight, now: "2026-06-12T16:00:00Z" }); // Sat 01:00 JST
    expect(decision).toMatchObject({ allowed: true, state: "open", reason: "Open until 02:00 Sat (Asia/Tokyo)" });
    expect(iso(decision.closesAt)).toBe("2026-06-12T17:00:00.000Z");
  });

  it("opens at 22:00 Friday and stays open across midnight", () => {
    const decision = deployAt({ policy: fridayNight, now: "2026-06-12T12:00:00Z" }); // Fri 21:00 JST
    expect(times(decision)).toEqual({
      nextChange: "2026-06-12T13:00:00.000Z",
      opensAt: "2026-06-12T13:00:00.000Z",
      closesAt: "2026-06-12T17:00:00.000Z",
    });
  });

  it("is closed on Saturday night: the window belongs to Friday", () => {
    const decision = deployAt({ policy: fridayNight, now: "2026-06-13T13:30:00Z" }); // Sat 22:30 JST
    expect(decision.state).toBe("closed");
    expect(iso(decision.opensAt)).toBe("2026-06-19T13:00:00.000Z");
    expect(decision.reason).toMatch(/^Closed — opens Fri 22:00 \(Asia\/Tokyo\)/);
  });

  it("treats 24:00 as the end of the day and joins adjacent days into one opening", () => {
    const weekend = policy("UTC", [{ days: [6, 7], start: "00:00", end: "24:00" }]);
    const decision = deployAt({ policy: weekend, now: "2026-06-13T12:00:00Z" }); // Saturday
    expect(iso(decision.closesAt)).toBe("2026-06-15T00:00:00.000Z");
  });
});
