// An alert's state from its times.
import { describe, expect, it } from "vitest";
import { alertState } from "./alert-state";

const t = new Date("2026-12-02T10:00:00Z");

describe("alertState", () => {
  it("is open, acknowledged or resolved, a resolution winning over an acknowledgement", () => {
    expect(alertState({ acknowledgedAt: null, resolvedAt: null })).toBe("open");
    expect(alertState({ acknowledgedAt: t, resolvedAt: null })).toBe("acknowledged");
    expect(alertState({ acknowledgedAt: null, resolvedAt: t })).toBe("resolved");
    expect(alertState({ acknowledgedAt: t, resolvedAt: t })).toBe("resolved");
  });
});
