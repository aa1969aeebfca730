import { describe, expect, it } from "vitest";
import { assertNoNul, nulPaths } from "./nul-fields";

describe("nulPaths", () => {
  it("names every string, nested value or key that holds U+0000", () => {
    const body = { notes: "a\u0000b", tags: ["ok", "x\u0000"], nested: { "k\u0000": 1, fine: "y" }, n: 3, b: true, z: null };
    expect(nulPaths(body, "body")).toEqual(["body.notes", "body.tags.1", "body.nested.k\\u0000"]);
    expect(nulPaths("\u0000", "body")).toEqual(["body"]);
    expect(nulPaths({ q: "100%", emoji: "🚀", escaped: "\\u0000" }, "query")).toEqual([]);
  });
});

describe("assertNoNul", () => {
  it("throws a validation error naming the fields of each input, and nothing when all is clean", () => {
    expect(() => assertNoNul({ query: { q: "x" }, params: { id: "1" } })).not.toThrow();
    try {
      assertNoNul({ query: { q: "x\u0000" }, params: { id: "\u0000" } });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({
        code: "validation",
        fields: [
          { path: "query.q", message: expect.stringContaining("NUL") },
          { path: "params.id", message: expect.stringContaining("NUL") },
        ],
      });
    }
  });
});
