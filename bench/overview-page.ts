// The Overview page in Chromium against the built app (`next start`, built first if there is no build), over
// the bench's own database: a person signed in through the sign-in form, then each round a fresh load of
// /overview timed until the matrix shows its first page of services. /api/v1/health is fetched in the same
// rounds as the baseline.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { percentile } from "./bench-stack";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function waitForApp(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const up = await fetch(`${url}/signin`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app at ${url} did not start`);
}

export async function measureOverviewPage({
  env,
  email,
  password,
  rows,
  rounds,
}: {
  env: Record<string, string>;
  email: string;
  password: string;
  rows: number;
  rounds: number;
}): Promise<{ page: number[]; health: number[] }> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    const build = spawnSync("next", ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = spawn("next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, NEXTAUTH_URL: url, NEXTAUTH_SECRET: "bench-secret-0123456789abcdef" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    await waitForApp(url);
    const page = await browser.newPage();
    await page.goto(`${url}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL(/\/overview/, { timeout: 60_000 });
    const matrixRows = page.getByRole("table", { name: "Services by environment" }).locator("tbody tr");
    const timings = { page: [] as number[], health: [] as number[] };
    for (let i = 0; i < rounds + 2; i += 1) {
      const started = performance.now();
      await page.goto(`${url}/overview`);
      await matrixRows.nth(rows - 1).waitFor({ timeout: 60_000 });
      const pageMs = performance.now() - started;
      const healthStarted = performance.now();
      await (await fetch(`${url}/api/v1/health`)).arrayBuffer();
      const healthMs = performance.now() - healthStarted;
      if (i < 2) continue; // warm-up: the first loads compile nothing but fill caches
      timings.page.push(pageMs);
      timings.health.push(healthMs);
    }
    return timings;
  } finally {
    await browser.close();
    app.kill("SIGTERM");
    await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)));
  }
}

export const summarize = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
