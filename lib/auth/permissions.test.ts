import { describe, expect, it } from "vitest";
import { can, isRoleWithin, lowerRole, PERMISSIONS, ROLES } from "./permissions";

// The table of DESIGN.md, written out independently of PERMISSIONS so that a change to one shows here.
const DESIGN_TABLE: Record<string, string> = {
  //                      admin rm oncall dev viewer
  view: "11111",
  "release.create": "11010",
  "release.approve": "11000",
  "deploy.nonproduction": "11010",
  "deploy.production": "11000",
  "rollout.control": "11100",
  "smoke.run": "11100",
  rollback: "11100",
  "alert.acknowledge": "11100",
  "alert.ingest": "11100",
  "window.override": "11000",
  "review.close": "11000",
  "admin.manage": "10000",
};

describe("permission table", () => {
  it("covers exactly the permissions of the design", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(DESIGN_TABLE).sort());
  });

  for (const [permission, row] of Object.entries(DESIGN_TABLE)) {
    ROLES.forEach((role, index) => {
      const expected = row[index] === "1";
      it(`${role} ${expected ? "may" : "may not"} ${permission}`, () => {
        expect(can(role, permission as keyof typeof PERMISSIONS)).toBe(expected);
      });
    });
  }

  it("caps token roles at their creator's", () => {
    expect(isRoleWithin("developer", "admin")).toBe(true);
    expect(isRoleWithin("admin", "release_manager")).toBe(false);
    expect(isRoleWithin("developer", "release_manager")).toBe(true);
    expect(isRoleWithin("oncall", "release_manager")).toBe(true);
    expect(isRoleWithin("viewer", "viewer")).toBe(true);
    expect(isRoleWithin("viewer", "developer")).toBe(true);
  });

  it("treats developer and oncall as incomparable: neither mints the other", () => {
    expect(isRoleWithin("oncall", "developer")).toBe(false);
    expect(isRoleWithin("developer", "oncall")).toBe(false);
  });

  it("is exactly 'no permission the ceiling lacks', for every pair of roles", () => {
    for (const role of ROLES) {
      for (const ceiling of ROLES) {
        const grants = Object.values(DESIGN_TABLE).every((row) => row[ROLES.indexOf(role)] === "0" || row[ROLES.indexOf(ceiling)] === "1");
        expect(isRoleWithin(role, ceiling), `${role} within ${ceiling}`).toBe(grants);
      }
    }
  });
});

describe("lowerRole (a token's effective role under its owner's current role)", () => {
  it("is the lower of two comparable roles, in either order", () => {
    expect(lowerRole("admin", "viewer")).toBe("viewer");
    expect(lowerRole("viewer", "admin")).toBe("viewer");
    expect(lowerRole("admin", "release_manager")).toBe("release_manager");
    expect(lowerRole("developer", "admin")).toBe("developer");
    expect(lowerRole("oncall", "oncall")).toBe("oncall");
  });

  it("is viewer for developer and oncall, which share only viewing", () => {
    expect(lowerRole("developer", "oncall")).toBe("viewer");
    expect(lowerRole("oncall", "developer")).toBe("viewer");
  });

  it("never grants a permission that either role lacks", () => {
    for (const a of ROLES) {
      for (const b of ROLES) {
        const lower = lowerRole(a, b);
        expect(isRoleWithin(lower, a) && isRoleWithin(lower, b), `${a} ∧ ${b} = ${lower}`).toBe(true);
      }
    }
  });
});
