// Daylight-saving changes in both directions. The allow windows are wall-clock times: on a change day they
// still open and close when the clock on the wall says so, whatever the UTC instant.
import { describe, expect, it } from "vitest";
import { PRODUCTION_ALLOW_WINDOWS } from "../document-defaults";
import { findNextChanges } from "./find-next-changes";
import { scanOffsets } from "./scan-offsets";
import type { AllowWindow } from "./window-types";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const changesAt = (timezone: string, allowWindows: readonly AllowWindow[], now: string) => {
  const changes = findNextChanges({ policy: { timezone, allowWindows, freezes: [] }, now: new Date(now) });
  return {
    state: changes.current.state,
    nextChange: changes.nextChange?.toISOString() ?? null,
    opensAt: changes.opensAt?.toISOString() ?? null,
    closesAt: changes.closesAt?.toISOString() ?? null,
  };
};
const daily = (start: string, end: string) => [{ days: EVERY_DAY, start, end }];

describe("scanOffsets", () => {
  it("finds the minute each offset change happens, and none in zones without daylight saving", () => {
    const berlin = scanOffsets({ timezone: "Europe/Berlin", from: new Date("2026-03-20T00:00Z"), to: new Date("2026-11-01T00:00Z") });
    expect(berlin.transitions.map((d) => d.toISOString())).toEqual(["2026-03-29T01:00:00.000Z", "2026-10-25T01:00:00.000Z"]);
    expect(berlin.offsets.sort((a, b) => a - b)).toEqual([60, 120]);
    const kolkata = scanOffsets({ timezone: "Asia/Kolkata", from: new Date("2026-03-01T00:00Z"), to: new Date("2026-12-01T00:00Z") });
    expect(kolkata).toEqual({ offsets: [330], transitions: [] });
  });
});

describe("findNextChanges — Europe/Berlin spring forward, Sunday 2026-03-29 02:00 CET → 03:00 CEST", () => {
  it("keeps 10:00–16:00 at 10:00–16:00 local time: opens at 08:00Z instead of the day before's 09:00Z", () => {
    expect(changesAt("Europe/Berlin", daily("10:00", "16:00"), "2026-03-28T16:00:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-03-29T08:00:00.000Z",
      opensAt: "2026-03-29T08:00:00.000Z",
      closesAt: "2026-03-29T14:00:00.000Z",
    });
  });

  it("a 01:30–03:00 window lasts 30 real minutes on the change day", () => {
    expect(changesAt("Europe/Berlin", daily("01:30", "03:00"), "2026-03-29T00:00:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-03-29T00:30:00.000Z",
      opensAt: "2026-03-29T00:30:00.000Z",
      closesAt: "2026-03-29T01:00:00.000Z",
    });
    expect(changesAt("Europe/Berlin", daily("01:30", "03:00"), "2026-03-29T00:45:00Z")).toMatchObject({
      state: "open",
      closesAt: "2026-03-29T01:00:00.000Z",
    });
  });

  it("a window starting in the skipped hour opens when the clock jumps past its start", () => {
    expect(changesAt("Europe/Berlin", daily("02:30", "04:00"), "2026-03-29T00:45:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-03-29T01:00:00.000Z",
      opensAt: "2026-03-29T01:00:00.000Z",
      closesAt: "2026-03-29T02:00:00.000Z",
    });
  });
});

describe("findNextChanges — Europe/Berlin fall back, Sunday 2026-10-25 03:00 CEST → 02:00 CET", () => {
  it("keeps 10:00–16:00 local: opens at 09:00Z instead of the day before's 08:00Z", () => {
    expect(changesAt("Europe/Berlin", daily("10:00", "16:00"), "2026-10-24T15:00:00Z")).toMatchObject({
      opensAt: "2026-10-25T09:00:00.000Z",
      closesAt: "2026-10-25T15:00:00.000Z",
    });
  });

  it("a 02:00–03:00 window covers the repeated hour twice: two real hours", () => {
    expect(changesAt("Europe/Berlin", daily("02:00", "03:00"), "2026-10-24T23:30:00Z")).toMatchObject({
      opensAt: "2026-10-25T00:00:00.000Z",
      closesAt: "2026-10-25T02:00:00.000Z",
    });
  });

  it("a 01:00–02:30 window closes at the first 02:30 and opens again when the clock goes back to 02:00", () => {
    expect(changesAt("Europe/Berlin", daily("01:00", "02:30"), "2026-10-24T23:30:00Z")).toMatchObject({
      state: "open",
      closesAt: "2026-10-25T00:30:00.000Z",
    });
    expect(changesAt("Europe/Berlin", daily("01:00", "02:30"), "2026-10-25T00:45:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-10-25T01:00:00.000Z",
      opensAt: "2026-10-25T01:00:00.000Z",
      closesAt: "2026-10-25T01:30:00.000Z",
    });
  });
});

describe("findNextChanges — America/New_York, 2026-03-08 and 2026-11-01", () => {
  it("Friday noon before spring forward: opens Monday 10:00 EDT = 14:00Z", () => {
    expect(changesAt("America/New_York", PRODUCTION_ALLOW_WINDOWS, "2026-03-06T17:00:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-03-09T14:00:00.000Z",
      opensAt: "2026-03-09T14:00:00.000Z",
      closesAt: "2026-03-09T20:00:00.000Z",
    });
  });

  it("Friday noon before fall back: opens Monday 10:00 EST = 15:00Z", () => {
    expect(changesAt("America/New_York", PRODUCTION_ALLOW_WINDOWS, "2026-10-30T16:00:00Z")).toEqual({
      state: "closed",
      nextChange: "2026-11-02T15:00:00.000Z",
      opensAt: "2026-11-02T15:00:00.000Z",
      closesAt: "2026-11-02T21:00:00.000Z",
    });
  });

  it("a Saturday 22:00–03:00 window crossing the spring-forward night closes at 03:00 EDT = 07:00Z", () => {
    const saturdayNight = [{ days: [6], start: "22:00", end: "03:00" }];
    expect(changesAt("America/New_York", saturdayNight, "2026-03-08T05:00:00Z")).toEqual({
      state: "open",
      nextChange: "2026-03-08T07:00:00.000Z",
      opensAt: null,
      closesAt: "2026-03-08T07:00:00.000Z",
    });
  });

  it("the same window on the fall-back night lasts six real hours, 02:00Z to 08:00Z", () => {
    const saturdayNight = [{ days: [6], start: "22:00", end: "03:00" }];
    expect(changesAt("America/New_York", saturdayNight, "2026-11-01T01:00:00Z")).toMatchObject({
      opensAt: "2026-11-01T02:00:00.000Z",
      closesAt: "2026-11-01T08:00:00.000Z",
    });
  });
});
