import { describe, expect, it } from "vitest";
import { canApprove } from "./can-approve";

const policy = { requiredApprovals: 2, approverRoles: ["admin", "release_manager"] as const, allowSelfApproval: false };

describe("canApprove", () => {
  it("lets a listed role approve someone else's release", () => {
    expect(canApprove({ policy, role: "release_manager", isAuthor: false })).toEqual({
      allowed: true,
      reason: "You may approve or reject this release as Release manager",
    });
  });

  it("refuses the author, whatever their role, unless the policy allows self-approval", () => {
    for (const role of ["admin", "developer"] as const) {
      expect(canApprove({ policy, role, isAuthor: true })).toEqual({
        allowed: false,
        reason: "You wrote this release; someone else must approve it",
      });
    }
    expect(canApprove({ policy: { ...policy, allowSelfApproval: true }, role: "admin", isAuthor: true }).allowed).toBe(true);
  });

  it("refuses a role the policy does not list, naming the approvers", () => {
    expect(canApprove({ policy, role: "oncall", isAuthor: false })).toEqual({
      allowed: false,
      reason: "Your role (On-call engineer) may not approve releases for this environment; approvers: Admin, Release manager",
    });
  });

  it("has nothing to approve where no approval is required", () => {
    expect(canApprove({ policy: { ...policy, requiredApprovals: 0 }, role: "admin", isAuthor: false })).toEqual({
      allowed: false,
      reason: "This environment needs no approval",
    });
  });
});
