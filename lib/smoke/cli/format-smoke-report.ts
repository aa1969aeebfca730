// The smoke CLI's text output: one line per check as it finishes, then a summary, in colour only for a
// terminal (CI logs get plain text).
import type { SmokeCheckResult, SmokeRunSummary } from "../smoke-result";

export type Paint = { green: (s: string) => string; red: (s: string) => string; yellow: (s: string) => string; dim: (s: string) => string };

const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const COLOURS: Paint = { green: ansi(32), red: ansi(31), yellow: ansi(33), dim: ansi(2) };
export const PLAIN: Paint = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s };

export function formatCheckLine({ result, paint, verbose }: { result: SmokeCheckResult; paint: Paint; verbose: boolean }): string {
  const mark = result.outcome === "passed" ? paint.green("PASS") : result.outcome === "skipped" ? paint.yellow("SKIP") : paint.red("FAIL");
  const head = `${mark}  ${result.name}  ${paint.dim(`(${result.durationMs} ms)`)}`;
  const lines = [result.detail.failedAssertion ? `${head} — ${result.detail.failedAssertion}` : head];
  if (verbose) {
    const d = result.detail;
    lines.push(
      paint.dim(
        `      ${d.note}; status ${d.status ?? "none"}; latency ${d.latencyMs ?? "-"} ms; ${d.requests} request${d.requests === 1 ? "" : "s"}`,
      ),
    );
    if (d.bodyExcerpt) lines.push(paint.dim(`      body: ${d.bodyExcerpt}`));
  }
  return lines.join("\n");
}

export function formatSummary({
  summary,
  results,
  url,
  paint,
}: {
  summary: SmokeRunSummary;
  results: SmokeCheckResult[];
  url: string;
  paint: Paint;
}): string {
  const counts = `${summary.total} checks: ${summary.passedCount} passed, ${summary.failedCount} failed, ${summary.skippedCount} skipped in ${summary.durationMs} ms`;
  const lines = ["", `${counts} against ${url}`];
  if (summary.stoppedEarly) lines.push(paint.yellow(`Stopped early: ${summary.stoppedEarly}`));
  const failed = results.filter((r) => !r.passed).map((r) => r.name);
  lines.push(summary.passed ? paint.green("All smoke checks passed.") : paint.red(`Smoke checks FAILED: ${failed.join(", ")}`));
  return lines.join("\n");
}
