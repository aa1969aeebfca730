// End-to-end journeys in Debian's Chromium (no browser download). The web servers are a real OpenID
// Connect identity provider and the built app with a worker, against a database of this run's own.
import { defineConfig } from "@playwright/test";
import { appEnv, appUrl, idpPort, oidcClient } from "./support/e2e-env";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Journeys that fix the app's test clock (PUT /api/v1/test/clock). */
const CLOCK_SPECS = ["release-approvals.spec.ts"];

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 2,
  // No retries: a test that passes on a second try is a race to find and fix, not to hide.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "../test-results",
  globalTeardown: "./support/global-teardown.ts",
  use: {
    baseURL: appUrl,
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
  },
  projects: [
    { name: "journeys", testIgnore: ["api-*.spec.ts", ...CLOCK_SPECS], use: { browserName: "chromium" } },
    // Journeys that fix the app's test clock run after the others, alone: every page that reads "now" (windows,
    // SLO charts and budgets) would otherwise see another journey's fixed time.
    { name: "clock", testMatch: CLOCK_SPECS, dependencies: ["journeys"], workers: 1, use: { browserName: "chromium" } },
    // API tests fingerprint the whole database around each call, so they run after the journeys, alone.
    // One worker each: two API specs side by side would each see the other's writes in their fingerprints.
    { name: "api", testMatch: "api-*.spec.ts", testIgnore: "api-security-*.spec.ts", dependencies: ["clock"], workers: 1 },
    // Security specs make successful calls too, which would show up in the permission matrix's fingerprints.
    { name: "security", testMatch: "api-security-*.spec.ts", dependencies: ["api"], workers: 1 },
  ],
  webServer: [
    {
      command: "tsx e2e/support/oidc-idp.ts",
      cwd: "..",
      url: `http://127.0.0.1:${idpPort}/.well-known/openid-configuration`,
      env: { OIDC_IDP_PORT: String(idpPort), APP_URL: appUrl, OIDC_CLIENT_ID: oidcClient.id, OIDC_CLIENT_SECRET: oidcClient.secret },
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "tsx e2e/support/start-stack.ts",
      cwd: "..",
      url: `${appUrl}/signin`,
      env: appEnv(),
      timeout: 240_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "pipe",
    },
  ],
});
