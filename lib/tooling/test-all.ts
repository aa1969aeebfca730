// `npm test`: everything a change must pass — migrations cover the schema, types, lint, unit tests,
// integration tests against the real Postgres and Redis, the production build, and the end-to-end journeys
// in Chromium. Each suite uses databases and Redis key prefixes of its own run.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@/prisma/scripts/script-env";
import { ensureSystemPackages } from "./ensure-system-packages";
import { preflight } from "./preflight";
import { formatFailures, readFailures, type FailedTest } from "./failure-summary";
import { root, runStep } from "./run-step";

/** A step's JSON report of its tests, read at the end to name what failed. */
type Report = { kind: "vitest" | "playwright"; file: string };
type Step = { title: string; command: string; args: string[]; needs?: string; report?: Report };

const REPORTS_DIR = path.join(root, ".tmp/test-reports");

function vitestStep(title: string, project: string): Step {
  const file = path.join(REPORTS_DIR, `${project}.json`);
  return {
    title,
    command: "vitest",
    args: [
      "run",
      "--config",
      "lib/testing/vitest.config.mts",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
    ],
    report: { kind: "vitest", file },
  };
}

const STEPS: Step[] = [
  { title: "Generate the Prisma client", command: "tsx", args: ["prisma/scripts/generate.ts"] },
  { title: "Migrations cover schema.prisma", command: "tsx", args: ["prisma/scripts/migrate.ts", "check"] },
  { title: "Formatted (Prettier)", command: "prettier", args: ["--check", "."] },
  { title: "Type check", command: "tsc", args: ["--noEmit"] },
  { title: "Lint", command: "eslint", args: ["."] },
  vitestStep("Unit tests", "unit"),
  vitestStep("Integration tests (Postgres, Redis)", "integration"),
  { title: "Production build", command: "next", args: ["build"] },
  {
    title: "End-to-end tests (Chromium)",
    command: "playwright",
    args: ["test", "--config", "e2e/playwright.config.ts", "--reporter=list,json"],
    needs: "Production build",
    report: { kind: "playwright", file: path.join(REPORTS_DIR, "e2e.json") },
  },
];

async function main(): Promise<void> {
  const started = Date.now();
  ensureSystemPackages();
  await preflight({ databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS_URL });
  const failed: string[] = [];
  const summaries: string[] = [];
  rmSync(REPORTS_DIR, { recursive: true, force: true });
  mkdirSync(REPORTS_DIR, { recursive: true });
  for (const step of STEPS) {
    if (step.needs && failed.includes(step.needs)) {
      console.log(`\n⏭ ${step.title}: skipped because "${step.needs}" failed`);
      failed.push(step.title);
      continue;
    }
    const env = step.report?.kind === "playwright" ? { PLAYWRIGHT_JSON_OUTPUT_FILE: step.report.file } : {};
    if (runStep(step.title, step.command, step.args, env) === 0) continue;
    failed.push(step.title);
    const failures: FailedTest[] = step.report ? readFailures(step.report.file, step.report.kind, root) : [];
    if (failures.length) summaries.push(formatFailures(step.title, failures));
  }
  // Last, so that the tail of a long log names each failed test and its error.
  for (const summary of summaries) console.log(summary);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${failed.length ? `✘ Failed: ${failed.join("; ")}` : "✔ Every check passed"} (${minutes} min)`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
