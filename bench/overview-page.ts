// Pages in Chromium against the built app (`next start`, built first if there is no build), over the bench's
// own database: a person signed in through the sign-in form, then each round a fresh load of each page timed
// until its table shows its first `rows` rows (the Overview's matrix, the SLO list). /api/v1/health is
// fetched in the same rounds as the baseline.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import { percentile } from "./bench-stack";

const root = path.resolve(import.meta.dirname, "..");
const SETTLE_MS = 2_000;
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

export type PageToTime = { name: string; path: string; table: string; rows: number };
export type PageTimings = { page: number[]; health: number[]; requests: number[]; requestsAfter: number[] };

export async function measurePages({
  env,
  email,
  password,
  pages,
  rounds,
}: {
  env: Record<string, string>;
  email: string;
  password: string;
  pages: PageToTime[];
  rounds: number;
}): Promise<Record<string, PageTimings>> {
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
    const timings = Object.fromEntries(
      pages.map((p) => [p.name, { page: [], health: [], requests: [], requestsAfter: [] } as PageTimings]),
    );
    let requests = 0;
    page.on("request", () => void (requests += 1));
    for (let i = 0; i < rounds + 2; i += 1) {
      for (const { name, path: pagePath, table, rows } of pages) {
        requests = 0;
        const started = performance.now();
        await page.goto(`${url}${pagePath}`);
        await page
          .getByRole("table", { name: table })
          .locator("tbody tr")
          .nth(rows - 1)
          .waitFor({ timeout: 60_000 });
        const pageMs = performance.now() - started;
        const requestsMade = requests;
        const healthStarted = performance.now();
        await (await fetch(`${url}/api/v1/health`)).arrayBuffer();
        const healthMs = performance.now() - healthStarted;
        // what the page goes on asking once it shows (prefetches, polls), over the next two seconds
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const requestsAfter = requests - requestsMade;
        if (i < 2) continue; // warm-up: the first loads compile nothing but fill caches
        const mine = timings[name]!;
        mine.page.push(pageMs);
        mine.health.push(healthMs);
        mine.requests.push(requestsMade);
        mine.requestsAfter.push(requestsAfter);
      }
    }
    return timings;
  } finally {
    await browser.close();
    app.kill("SIGTERM");
    await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)));
  }
}

export const summarize = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
