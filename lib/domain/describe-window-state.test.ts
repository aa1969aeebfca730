import { describe, expect, it } from "vitest";
import { describeWindowState, type WindowStateSummary } from "./describe-window-state";

const evaluatedAt = new Date("2026-06-11T08:00:00Z"); // Thursday 10:00 in Berlin
const summary = (fields: Partial<WindowStateSummary>): WindowStateSummary => ({
  state: "open",
  nextChange: null,
  opensAt: null,
  closesAt: null,
  freeze: null,
  evaluatedAt,
  ...fields,
});

describe("describeWindowState", () => {
  it("says until when an open window stays open", () => {
    const closesAt = new Date("2026-06-11T14:00:00Z");
    expect(describeWindowState(summary({ closesAt, nextChange: closesAt }), "Europe/Berlin")).toBe("Open until 16:00 Thu (Europe/Berlin)");
    expect(describeWindowState(summary({}), "UTC")).toBe("Open, no closing scheduled (UTC)");
  });

  it("says when a closed window opens, in the environment's zone", () => {
    const opensAt = new Date("2026-06-15T08:00:00Z");
    expect(describeWindowState(summary({ state: "closed", opensAt, nextChange: opensAt }), "Europe/Berlin")).toBe(
      "Closed — opens Mon 10:00 (Europe/Berlin)",
    );
    expect(describeWindowState(summary({ state: "closed", opensAt, nextChange: opensAt }), "America/Los_Angeles")).toBe(
      "Closed — opens Mon 01:00 (America/Los_Angeles)",
    );
    expect(describeWindowState(summary({ state: "closed" }), "Europe/Berlin")).toBe(
      "Closed — does not open in the next 14 days (Europe/Berlin)",
    );
  });

  it("adds the date when the time is a week or more away", () => {
    const opensAt = new Date("2026-06-18T08:00:00Z");
    expect(describeWindowState(summary({ state: "closed", opensAt }), "Europe/Berlin")).toBe(
      "Closed — opens Thu 18 Jun 10:00 (Europe/Berlin)",
    );
  });

  it("names the freeze and when it ends, falling back to the freeze's own end beyond the horizon", () => {
    const freeze = { startsAt: new Date("2026-06-01T00:00:00Z"), endsAt: new Date("2026-07-01T00:00:00Z"), reason: "Summer sale" };
    expect(describeWindowState(summary({ state: "frozen", freeze }), "Europe/Berlin")).toBe(
      "Frozen: Summer sale — until Wed 1 Jul 02:00 (Europe/Berlin)",
    );
    const endsSoon = { ...freeze, endsAt: new Date("2026-06-11T12:00:00Z") };
    const nextChange = endsSoon.endsAt;
    expect(describeWindowState(summary({ state: "frozen", freeze: endsSoon, nextChange, opensAt: nextChange }), "Europe/Berlin")).toBe(
      "Frozen: Summer sale — until Thu 14:00 (Europe/Berlin)",
    );
  });
});
