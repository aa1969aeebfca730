import { describe, expect, it } from "vitest";
import { PRODUCTION_ALLOW_WINDOWS } from "@/lib/domain/document-defaults";
import { allowWindowsSchema, approvalPolicySchema, freezeSchema, timezoneSchema, windowPolicySchema } from "./environment-policy";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("allowWindowsSchema", () => {
  it("accepts the default production windows, a window past midnight and a whole day", () => {
    const windows = [
      ...PRODUCTION_ALLOW_WINDOWS,
      { days: [5], start: "22:00", end: "02:00" },
      { days: [6, 7], start: "00:00", end: "24:00" },
    ];
    expect(allowWindowsSchema.parse(windows)).toEqual(windows);
    expect(allowWindowsSchema.parse([])).toEqual([]);
  });

  it("names days out of range, repeated days and badly written times", () => {
    expect(messages(allowWindowsSchema.safeParse([{ days: [0, 8], start: "9:00", end: "25:00" }]))).toEqual([
      "0.days.0: days are ISO weekdays: 1 (Monday) to 7 (Sunday)",
      "0.days.1: days are ISO weekdays: 1 (Monday) to 7 (Sunday)",
      "0.start: start must be a time of day written HH:mm, from 00:00 to 24:00",
      "0.end: end must be a time of day written HH:mm, from 00:00 to 24:00",
    ]);
    expect(messages(allowWindowsSchema.safeParse([{ days: [1, 1], start: "10:00", end: "10:60" }]))).toEqual([
      "0.days: list each day only once",
      "0.end: end must be a time of day written HH:mm, from 00:00 to 24:00",
    ]);
  });

  it("refuses no days, a start of 24:00, equal start and end, and unknown fields", () => {
    expect(messages(allowWindowsSchema.safeParse([{ days: [], start: "10:00", end: "16:00" }]))).toEqual(["0.days: pick at least one day"]);
    expect(messages(allowWindowsSchema.safeParse([{ days: [1], start: "24:00", end: "16:00" }]))).toEqual([
      "0.start: start must be before 24:00; use 00:00 of the next day",
    ]);
    expect(messages(allowWindowsSchema.safeParse([{ days: [1], start: "10:00", end: "10:00" }]))).toEqual([
      "0.end: start and end are the same; for a whole day use 00:00–24:00",
    ]);
    expect(allowWindowsSchema.safeParse([{ days: [1], start: "10:00", end: "16:00", tz: "UTC" }]).success).toBe(false);
  });
});

describe("timezoneSchema and windowPolicySchema", () => {
  it("accepts IANA zones east and west of UTC and refuses abbreviations and typos", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo"]) {
      expect(timezoneSchema.parse(zone)).toBe(zone);
    }
    expect(messages(timezoneSchema.safeParse("Europe/Berlinn"))).toEqual([
      ": must be an IANA time zone such as Europe/Berlin, America/New_York or UTC",
    ]);
    expect(timezoneSchema.safeParse("").success).toBe(false);
  });

  it("parses a whole window policy", () => {
    const policy = { timezone: "Europe/Berlin", allowWindows: [...PRODUCTION_ALLOW_WINDOWS], hotfixAnyTime: true };
    expect(windowPolicySchema.parse(policy)).toEqual(policy);
  });
});

describe("freezeSchema", () => {
  it("coerces ISO strings and trims the reason", () => {
    const parsed = freezeSchema.parse({ startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-30T23:00:00Z", reason: " Black Friday " });
    expect(parsed).toEqual({
      startsAt: new Date("2026-11-26T00:00:00Z"),
      endsAt: new Date("2026-11-30T23:00:00Z"),
      reason: "Black Friday",
    });
  });

  it("refuses an end not after the start and an empty reason", () => {
    expect(messages(freezeSchema.safeParse({ startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-26T00:00:00Z", reason: "x" }))).toEqual([
      "endsAt: endsAt must be after startsAt",
    ]);
    expect(messages(freezeSchema.safeParse({ startsAt: "2026-11-26T00:00:00Z", endsAt: "2026-11-27T00:00:00Z", reason: "  " }))).toEqual([
      "reason: say why deployments are frozen",
    ]);
    expect(messages(freezeSchema.safeParse({ startsAt: "soon", endsAt: "2026-11-27T00:00:00Z", reason: "x" }))).toEqual([
      "startsAt: startsAt must be a date and time",
    ]);
  });
});

describe("approvalPolicySchema", () => {
  const policy = { requiredApprovals: 2, approverRoles: ["admin", "release_manager"], allowSelfApproval: false, approvalTtlMinutes: 1440 };

  it("accepts the production default and no-approval staging", () => {
    expect(approvalPolicySchema.parse(policy)).toEqual(policy);
    expect(approvalPolicySchema.parse({ ...policy, requiredApprovals: 0, approverRoles: [] }).approverRoles).toEqual([]);
  });

  it("names each bound it breaks", () => {
    expect(messages(approvalPolicySchema.safeParse({ ...policy, requiredApprovals: 11, approvalTtlMinutes: 0 }))).toEqual([
      "requiredApprovals: requiredApprovals can be at most 10",
      "approvalTtlMinutes: approvalTtlMinutes must be at least 1",
    ]);
    expect(messages(approvalPolicySchema.safeParse({ ...policy, approvalTtlMinutes: 43_201 }))).toEqual([
      "approvalTtlMinutes: approvalTtlMinutes can be at most 43200 (30 days)",
    ]);
  });

  it("needs an approver role when approvals are required, and refuses unknown roles", () => {
    expect(messages(approvalPolicySchema.safeParse({ ...policy, approverRoles: [] }))).toEqual([
      "approverRoles: pick at least one role that may approve (admin, release_manager, oncall, developer, viewer), or require 0 approvals",
    ]);
    expect(approvalPolicySchema.safeParse({ ...policy, approverRoles: ["root"] }).success).toBe(false);
    expect(messages(approvalPolicySchema.safeParse({ ...policy, approverRoles: ["admin", "admin"] }))).toEqual([
      "approverRoles: list each role only once",
    ]);
  });
});

describe("freezeSchema dates", () => {
  it("refuses dates outside 1970–9999 by field", () => {
    expect(
      messages(freezeSchema.safeParse({ startsAt: "+275760-09-13T00:00:00Z", endsAt: "+275760-09-13T00:00:00Z", reason: "x" })),
    ).toEqual(["startsAt: must be between 1970-01-01 and 9999-12-31", "endsAt: must be between 1970-01-01 and 9999-12-31"]);
    expect(messages(freezeSchema.safeParse({ startsAt: "2026-01-01T00:00:00Z", endsAt: 8.64e15, reason: "x" }))).toEqual([
      "endsAt: must be between 1970-01-01 and 9999-12-31",
    ]);
  });
});
