import { describe, expect, it } from "vitest";
import { auditQuery } from "./audit";
import { listDeploymentsQuery } from "./deployments";
import { createTokenBody } from "./tokens";

describe("auditQuery", () => {
  it("treats empty form fields as no filter and defaults the page size", () => {
    expect(auditQuery.parse({ actor: "", action: " user. ", before: "" })).toEqual({ action: "user.", limit: 50 });
  });

  it("parses ISO times and caps the page size at 200", () => {
    const parsed = auditQuery.parse({ from: "2026-01-31T12:00:00Z", limit: "200" });
    expect(parsed.from?.toISOString()).toBe("2026-01-31T12:00:00.000Z");
    expect(auditQuery.safeParse({ limit: "201" }).success).toBe(false);
  });

  it("refuses bad times, bad cursors and both cursors at once", () => {
    expect(auditQuery.safeParse({ from: "yesterday" }).error?.issues[0]?.path).toEqual(["from"]);
    expect(auditQuery.safeParse({ before: "12abc" }).error?.issues[0]?.message).toMatch(/^must be an event id/);
    expect(auditQuery.safeParse({ before: "10", after: "5" }).success).toBe(false);
  });

  it("refuses a cursor beyond PostgreSQL's bigint and dates outside 1970–9999, naming the field", () => {
    expect(auditQuery.parse({ before: "9223372036854775807" }).before).toBe("9223372036854775807");
    expect(auditQuery.safeParse({ after: "9223372036854775808" }).error?.issues[0]).toMatchObject({
      path: ["after"],
      message: expect.stringContaining("9223372036854775807"),
    });
    expect(auditQuery.safeParse({ before: "99999999999999999999" }).error?.issues[0]?.path).toEqual(["before"]);
    for (const [field, value] of [
      ["to", "+275760-09-13T00:00:00Z"],
      ["from", "-000001-01-01T00:00:00Z"],
      ["from", "1969-12-31T23:59:59Z"],
      ["to", "+010000-01-01T00:00:00Z"],
    ]) {
      expect(auditQuery.safeParse({ [field!]: value }).error?.issues[0], value).toMatchObject({
        path: [field],
        message: "must be between 1970-01-01 and 9999-12-31",
      });
    }
    expect(auditQuery.parse({ to: "9999-12-31T23:59:59Z" }).to?.getUTCFullYear()).toBe(9999);
  });
});

describe("listDeploymentsQuery", () => {
  it("accepts a known state, none, and refuses an unknown one by name", () => {
    expect(listDeploymentsQuery.parse({ state: "paused" }).state).toBe("paused");
    expect(listDeploymentsQuery.parse({ state: "" }).state).toBeUndefined();
    expect(listDeploymentsQuery.safeParse({ state: "bogus" }).error?.issues[0]?.message).toMatch(/^must be one of queued/);
  });
});

describe("createTokenBody", () => {
  it("accepts an optional positive expiry in days", () => {
    expect(createTokenBody.parse({ name: "ci deploy", role: "developer" })).toEqual({ name: "ci deploy", role: "developer" });
    expect(createTokenBody.safeParse({ name: "ci", role: "developer", expiresInDays: -3 }).success).toBe(false);
  });
});
