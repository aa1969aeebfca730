import { describe, expect, it } from "vitest";
import { formatFailures, playwrightFailures, vitestFailures } from "./failure-summary";

const root = "/repo";

describe("vitestFailures", () => {
  it("names each failed test with its file relative to the root and the first lines of its message, without colours", () => {
    const report = {
      testResults: [
        {
          name: "/repo/lib/a.integration.test.ts",
          status: "failed",
          assertionResults: [
            { fullName: "a > passes", status: "passed", failureMessages: [] },
            {
              fullName: "a > breaks",
              status: "failed",
              failureMessages: ["\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n1\n2\n3\n4\n5\n6\n7"],
            },
          ],
        },
        { name: "/repo/lib/b.integration.test.ts", status: "passed", assertionResults: [{ fullName: "b", status: "passed" }] },
      ],
    };
    expect(vitestFailures(report, root)).toEqual([
      { file: "lib/a.integration.test.ts", title: "a > breaks", message: "AssertionError: expected 1 to be 2\n1\n2\n3\n4\n5" },
    ]);
  });

  it("reports a file that failed outside its tests (a hook or an import) once", () => {
    const report = {
      testResults: [
        {
          name: "/repo/lib/c.test.ts",
          status: "failed",
          message: "Hook timed out in 120000ms",
          assertionResults: [{ fullName: "c", status: "skipped" }],
        },
      ],
    };
    expect(vitestFailures(report, root)).toEqual([
      { file: "lib/c.test.ts", title: "(the file itself)", message: "Hook timed out in 120000ms" },
    ]);
  });
});

describe("playwrightFailures", () => {
  it("walks nested suites, keeps the describe titles and takes the last attempt's error", () => {
    const report = {
      suites: [
        {
          title: "deploy.spec.ts",
          file: "deploy.spec.ts",
          specs: [{ title: "top level passes", file: "deploy.spec.ts", tests: [{ status: "expected", results: [{ status: "passed" }] }] }],
          suites: [
            {
              title: "rollback",
              file: "deploy.spec.ts",
              specs: [
                {
                  title: "one click",
                  file: "deploy.spec.ts",
                  tests: [
                    {
                      status: "unexpected",
                      results: [
                        { status: "failed", error: { message: "first" } },
                        { status: "timedOut", error: { message: "Test timeout of 60000ms exceeded." } },
                      ],
                    },
                  ],
                },
                { title: "skipped on purpose", file: "deploy.spec.ts", tests: [{ status: "skipped", results: [] }] },
              ],
            },
          ],
        },
      ],
      errors: [{ message: "Error: webServer exited early" }],
    };
    expect(playwrightFailures(report)).toEqual([
      { file: "deploy.spec.ts", title: "rollback › one click", message: "Test timeout of 60000ms exceeded." },
      { file: "", title: "(outside any test)", message: "Error: webServer exited early" },
    ]);
  });
});

describe("formatFailures", () => {
  it("puts the step, the count and each test's message indented under its name", () => {
    const text = formatFailures("Unit tests", [{ file: "lib/a.test.ts", title: "a > breaks", message: "AssertionError\nat line 3" }]);
    expect(text).toBe("\n✘ Unit tests: 1 failed\n  • lib/a.test.ts › a > breaks\n      AssertionError\n      at line 3");
  });
});
