import { describe, expect, it } from "vitest";
import { can, isRoleWithin, PERMISSIONS, ROLES } from "./permissions";

// The table of DESIGN.md, written out independently of PERMISSIONS so that a change to one shows here.
const DESIGN_TABLE: Record<string, string> = {
  //                      admin rm oncall dev viewer
  view: "11111",
  "release.create": "11010",
  "release.approve": "11000",
  "deploy.nonproduction": "11010",
  "deploy.production": "11000",
  "rollout.control": "11100",
  rollback: "11100",
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
    expect(isRoleWithin("oncall", "developer")).toBe(false);
    expect(isRoleWithin("viewer", "viewer")).toBe(true);
  });
});
