import { describe, expect, it } from "vitest";
import { createUserBody, updateUserBody } from "./users";

describe("createUserBody", () => {
  it("normalises the email and accepts a 12-character password", () => {
    const parsed = createUserBody.parse({ email: " Dana@Example.COM ", name: " Dana ", role: "developer", password: "twelve-chars" });
    expect(parsed).toEqual({ email: "dana@example.com", name: "Dana", role: "developer", password: "twelve-chars" });
  });

  it("names every bad field", () => {
    const result = createUserBody.safeParse({ email: "nope", name: "", role: "root", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths.sort()).toEqual(["email", "name", "password", "role"]);
  });
});

describe("updateUserBody", () => {
  it("accepts any one of role, disabled, name", () => {
    expect(updateUserBody.parse({ role: "viewer" })).toEqual({ role: "viewer" });
    expect(updateUserBody.parse({ disabled: true })).toEqual({ disabled: true });
    expect(updateUserBody.parse({ name: "New" })).toEqual({ name: "New" });
  });

  it("refuses an empty change, unknown roles and unknown fields", () => {
    expect(updateUserBody.safeParse({}).success).toBe(false);
    expect(updateUserBody.safeParse({ role: "superuser" }).success).toBe(false);
    expect(updateUserBody.safeParse({ email: "x@example.com" }).success).toBe(false);
  });
});
