import { describe, expect, it } from "vitest";
import { evaluateAssertion, evaluateAssertions } from "./evaluate-assertion";
import { parseJsonPath, readJsonPath } from "./json-path";

const doc = {
  status: "ok",
  count: 0,
  nothing: null,
  "odd key": { x: 1 },
  tools: [{ name: "list_repos" }, { name: "get_repo_paths" }, { title: "untitled" }],
};
const read = (path: string) => readJsonPath(doc, parseJsonPath(path) as never);

describe("JSON paths", () => {
  it("reads keys, indexes, quoted keys and [*]", () => {
    expect(read("$")).toEqual({ found: true, value: doc });
    expect(read("$.status")).toEqual({ found: true, value: "ok" });
    expect(read("$.tools[1].name")).toEqual({ found: true, value: "get_repo_paths" });
    expect(read('$["odd key"].x')).toEqual({ found: true, value: 1 });
    expect(read("$.tools[*].name")).toEqual({ found: true, value: ["list_repos", "get_repo_paths"] });
    expect(read("$.nothing")).toEqual({ found: true, value: null });
  });

  it("tells a missing value from a falsy one", () => {
    expect(read("$.count")).toEqual({ found: true, value: 0 });
    expect(read("$.missing")).toEqual({ found: false });
    expect(read("$.tools[9]")).toEqual({ found: false });
    expect(read("$.status.length")).toEqual({ found: false });
    expect(read("$.toString")).toEqual({ found: false });
  });

  it("refuses what is not in the subset, saying why", () => {
    expect(parseJsonPath("status")).toBe('must start with "$"');
    expect(parseJsonPath("$..name")).toMatch(/cannot read/);
    expect(parseJsonPath("$.tools[?(@.x)]")).toMatch(/cannot read/);
  });
});

describe("evaluateAssertion", () => {
  const check = (assertion: object) => evaluateAssertion({ assertion: { path: "$.status", ...assertion } as never, document: doc });

  it("holds or says what it found", () => {
    expect(check({ equals: "ok" })).toBeNull();
    expect(check({ equals: "down" })).toBe('$.status equals "down": was "ok"');
    expect(check({ exists: true })).toBeNull();
    expect(evaluateAssertion({ assertion: { path: "$.gone", exists: true }, document: doc })).toBe("$.gone exists: it is missing");
    expect(evaluateAssertion({ assertion: { path: "$.gone", exists: false }, document: doc })).toBeNull();
    expect(check({ matches: "^o" })).toBeNull();
    expect(check({ matches: "^x" })).toBe('$.status matches /^x/: was "ok"');
    expect(check({ notEquals: "down" })).toBeNull();
    expect(check({ notEquals: "ok" })).toBe('$.status must not equal "ok"');
    expect(evaluateAssertion({ assertion: { path: "$.isError", notEquals: true }, document: doc })).toBeNull();
  });

  it("compares deeply and looks inside lists and text", () => {
    expect(evaluateAssertion({ assertion: { path: "$['odd key']".replace(/'/g, '"'), equals: { x: 1 } }, document: doc })).toBeNull();
    expect(evaluateAssertion({ assertion: { path: "$.tools[*].name", contains: "list_repos" }, document: doc })).toBeNull();
    expect(evaluateAssertion({ assertion: { path: "$.tools[*].name", contains: "drop_tables" }, document: doc })).toMatch(
      /contains "drop_tables"/,
    );
    expect(check({ contains: "k" })).toBeNull();
  });

  it("reports the first failing assertion of a list", () => {
    const assertions = [
      { path: "$.status", equals: "ok" },
      { path: "$.count", equals: 1 },
      { path: "$.x", exists: true },
    ];
    expect(evaluateAssertions({ assertions, document: doc })).toBe("$.count equals 1: was 0");
    expect(evaluateAssertions({ assertions: [], document: doc })).toBeNull();
  });
});
