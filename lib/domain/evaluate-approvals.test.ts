import { describe, expect, it } from "vitest";
import { evaluateApprovals, type ApprovalPolicy, type ApprovalRecord } from "./evaluate-approvals";

const now = new Date("2026-06-15T12:00:00Z");
const policy: ApprovalPolicy = {
  requiredApprovals: 2,
  approverRoles: ["admin", "release_manager"],
  allowSelfApproval: false,
  approvalTtlMinutes: 1440,
};
const release = { authorId: "author", digest: "sha256:new" };
const approval = (fields: Partial<ApprovalRecord> & Pick<ApprovalRecord, "userId">): ApprovalRecord => ({
  userRole: "release_manager",
  decision: "approve",
  digest: "sha256:new",
  createdAt: new Date("2026-06-15T11:00:00Z"),
  withdrawnAt: null,
  ...fields,
});
const evaluate = (approvals: ApprovalRecord[], overrides: Partial<ApprovalPolicy> = {}) =>
  evaluateApprovals({ policy: { ...policy, ...overrides }, release, approvals, now });

describe("evaluateApprovals", () => {
  it("needs nothing when the environment requires no approval", () => {
    expect(evaluate([], { requiredApprovals: 0 })).toEqual({
      satisfied: true,
      approvedCount: 0,
      required: 0,
      rejectedBy: [],
      counted: [],
      ignored: [],
      reason: "No approval required for this environment",
    });
  });

  it("counts approvals towards the required number", () => {
    expect(evaluate([approval({ userId: "rm1" })])).toMatchObject({
      satisfied: false,
      approvedCount: 1,
      reason: "2 approvals required, 1 given",
    });
    const two = evaluate([approval({ userId: "rm1" }), approval({ userId: "admin1", userRole: "admin" })]);
    expect(two).toMatchObject({ satisfied: true, approvedCount: 2, counted: ["rm1", "admin1"], reason: "2 approvals required, 2 given" });
    expect(evaluate([], { requiredApprovals: 1 }).reason).toBe("1 approval required, 0 given");
  });

  it("never counts the author's own approval, unless the policy allows it", () => {
    const own = [approval({ userId: "author" }), approval({ userId: "rm1" })];
    expect(evaluate(own)).toMatchObject({
      satisfied: false,
      approvedCount: 1,
      ignored: [{ userId: "author", decision: "approve", why: "self_approval" }],
      reason: "2 approvals required, 1 given (not counted: 1 by the release's author)",
    });
    expect(evaluate(own, { allowSelfApproval: true })).toMatchObject({ satisfied: true, approvedCount: 2, ignored: [] });
  });

  it("lets an approval expire after its lifetime, to the minute", () => {
    const old = approval({ userId: "rm2", createdAt: new Date("2026-06-14T12:00:00Z") });
    expect(evaluate([approval({ userId: "rm1" }), old])).toMatchObject({
      satisfied: false,
      ignored: [{ userId: "rm2", decision: "approve", why: "expired" }],
      reason: "2 approvals required, 1 given (not counted: 1 expired)",
    });
    const justInTime = approval({ userId: "rm2", createdAt: new Date("2026-06-14T12:01:00Z") });
    expect(evaluate([approval({ userId: "rm1" }), justInTime]).satisfied).toBe(true);
  });

  it("ignores an approval of a different artifact digest", () => {
    const stale = [approval({ userId: "rm1", digest: "sha256:old" }), approval({ userId: "rm2", digest: "sha256:old" })];
    expect(evaluate(stale)).toMatchObject({
      satisfied: false,
      approvedCount: 0,
      reason: "2 approvals required, 0 given (not counted: 2 for another artifact digest)",
    });
  });

  it("counts only the roles the policy lists", () => {
    const result = evaluate([approval({ userId: "dev1", userRole: "developer" }), approval({ userId: "rm1" })]);
    expect(result.ignored).toEqual([{ userId: "dev1", decision: "approve", why: "role_not_allowed" }]);
    expect(result.reason).toBe("2 approvals required, 1 given (not counted: 1 from a role that may not approve)");
  });

  it("is blocked by a rejection among approvals, naming who and why", () => {
    const result = evaluate([
      approval({ userId: "rm1" }),
      approval({ userId: "admin1", userRole: "admin" }),
      approval({
        userId: "rm2",
        userName: "Rosa",
        decision: "reject",
        comment: " Migration not reviewed ",
        createdAt: new Date("2026-06-01T00:00:00Z"),
      }),
    ]);
    expect(result).toMatchObject({
      satisfied: false,
      approvedCount: 2,
      rejectedBy: [{ userId: "rm2", comment: "Migration not reviewed" }],
      reason: "Rejected by Rosa: Migration not reviewed — blocked until the rejection is withdrawn",
    });
  });

  it("unblocks when the rejection is withdrawn, and ignores a rejection of another digest", () => {
    const approvals = [approval({ userId: "rm1" }), approval({ userId: "admin1", userRole: "admin" })];
    const withdrawn = approval({ userId: "rm2", decision: "reject", withdrawnAt: new Date("2026-06-15T11:30:00Z") });
    expect(evaluate([...approvals, withdrawn])).toMatchObject({
      satisfied: true,
      rejectedBy: [],
      ignored: [{ userId: "rm2", decision: "reject", why: "withdrawn" }],
      reason: "2 approvals required, 2 given",
    });
    const oldDigest = approval({ userId: "rm2", decision: "reject", digest: "sha256:old" });
    expect(evaluate([...approvals, oldDigest])).toMatchObject({ satisfied: true, rejectedBy: [] });
  });

  it("names a rejection without a comment by user id", () => {
    expect(evaluate([approval({ userId: "rm9", decision: "reject" })]).reason).toBe(
      "Rejected by rm9 — blocked until the rejection is withdrawn",
    );
  });
});
