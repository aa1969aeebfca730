// The failed tests of a `npm test` run, read from the JSON reports vitest and Playwright write beside their
// usual output, so that the last lines of a long CI log name what failed and why (a CI log is often kept
// only as its tail).
import { existsSync, readFileSync } from "node:fs";

export type FailedTest = { file: string; title: string; message: string };

type VitestReport = {
  testResults?: {
    name: string;
    message?: string;
    status?: string;
    assertionResults?: { fullName?: string; title?: string; status: string; failureMessages?: string[] }[];
  }[];
};

type PlaywrightSuite = {
  title?: string;
  file?: string;
  specs?: { title: string; file?: string; tests?: { status?: string; results?: { status?: string; error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: { message?: string }[] };

const MESSAGE_LINES = 6;

function firstLines(message: string | undefined): string {
  // Playwright's and vitest's messages carry ANSI colours; a CI log shows them as noise.
  const plain = (message ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim();
  return plain.split("\n").slice(0, MESSAGE_LINES).join("\n");
}

function relative(file: string, root: string): string {
  return file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

/** Failed tests in a vitest JSON report, and files that failed outside any test (a hook, an import). */
export function vitestFailures(report: VitestReport, root: string): FailedTest[] {
  const failures: FailedTest[] = [];
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests) {
      failures.push({
        file: relative(file.name, root),
        title: test.fullName ?? test.title ?? "",
        message: firstLines(test.failureMessages?.join("\n")),
      });
    }
    if (failedTests.length === 0 && file.status === "failed") {
      failures.push({ file: relative(file.name, root), title: "(the file itself)", message: firstLines(file.message) });
    }
  }
  return failures;
}

/** Tests in a Playwright JSON report whose last attempt did not pass or skip as planned. */
export function playwrightFailures(report: PlaywrightReport): FailedTest[] {
  const failures: FailedTest[] = [];
  const visit = (suite: PlaywrightSuite, titles: string[]): void => {
    const path = suite.title && !suite.file?.endsWith(suite.title) ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const last = test.results?.at(-1);
        failures.push({
          file: spec.file ?? suite.file ?? "",
          title: [...path, spec.title].join(" › "),
          message: firstLines(last?.error?.message ?? last?.status),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  for (const error of report.errors ?? []) failures.push({ file: "", title: "(outside any test)", message: firstLines(error.message) });
  return failures;
}

/** Reads a report if the step wrote one; a step that died before writing it has nothing to add. */
export function readFailures(reportPath: string, kind: "vitest" | "playwright", root: string): FailedTest[] {
  if (!existsSync(reportPath)) return [];
  const report: unknown = JSON.parse(readFileSync(reportPath, "utf8"));
  return kind === "vitest" ? vitestFailures(report as VitestReport, root) : playwrightFailures(report as PlaywrightReport);
}

export function formatFailures(title: string, failures: FailedTest[]): string {
  const lines = [`\n✘ ${title}: ${failures.length} failed`];
  for (const failure of failures) {
    lines.push(`  • ${failure.file} › ${failure.title}`);
    for (const line of failure.message.split("\n")) if (line) lines.push(`      ${line}`);
  }
  return lines.join("\n");
}
