// `npm test`: everything a change must pass — migrations cover the schema, types, lint, unit tests,
// integration tests against the real Postgres and Redis, the production build, and the end-to-end journeys
// in Chromium. Each suite uses databases and Redis key prefixes of its own run.
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@/prisma/scripts/script-env";
import { ensureSystemPackages } from "./ensure-system-packages";
import { preflight } from "./preflight";
import { runStep } from "./run-step";

type Step = { title: string; command: string; args: string[]; needs?: string };

const STEPS: Step[] = [
  { title: "Generate the Prisma client", command: "tsx", args: ["prisma/scripts/generate.ts"] },
  { title: "Migrations cover schema.prisma", command: "tsx", args: ["prisma/scripts/migrate.ts", "check"] },
  { title: "Formatted (Prettier)", command: "prettier", args: ["--check", "."] },
  { title: "Type check", command: "tsc", args: ["--noEmit"] },
  { title: "Lint", command: "eslint", args: ["."] },
  { title: "Unit tests", command: "vitest", args: ["run", "--config", "lib/testing/vitest.config.mts", "--project", "unit"] },
  {
    title: "Integration tests (Postgres, Redis)",
    command: "vitest",
    args: ["run", "--config", "lib/testing/vitest.config.mts", "--project", "integration"],
  },
  { title: "Production build", command: "next", args: ["build"] },
  {
    title: "End-to-end tests (Chromium)",
    command: "playwright",
    args: ["test", "--config", "e2e/playwright.config.ts"],
    needs: "Production build",
  },
];

async function main(): Promise<void> {
  const started = Date.now();
  ensureSystemPackages();
  await preflight({ databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, redisUrl: process.env.REDIS_URL ?? DEFAULT_REDIS_URL });
  const failed: string[] = [];
  for (const step of STEPS) {
    if (step.needs && failed.includes(step.needs)) {
      console.log(`\n⏭ ${step.title}: skipped because "${step.needs}" failed`);
      failed.push(step.title);
      continue;
    }
    if (runStep(step.title, step.command, step.args) !== 0) failed.push(step.title);
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  console.log(`\n${failed.length ? `✘ Failed: ${failed.join("; ")}` : "✔ Every check passed"} (${minutes} min)`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
