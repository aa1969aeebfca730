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
    expect(auditQuery.safeParse({ before: "12abc" }).error?.issues[0]?.message).toBe("must be an event id");
    expect(auditQuery.safeParse({ before: "10", after: "5" }).success).toBe(false);
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
