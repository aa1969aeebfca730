// "Why did it roll back?": a canary that starts failing 20 % of its requests under steady traffic is rolled
// back by the analysis, for real (worker, local provider, sample service, the test's own requests), and its
// deployment page shows the failing measurement with its query and threshold, a chart of the candidate
// against the stable revision, and a timeline link that lands on the breach.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken, withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";
import { startClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { apiOk } from "./support/api";

const TRIGGER = "Error rate above 5%";
const SCREENSHOT = path.resolve(__dirname, "../public/readme/analysis.png");

test("a canary that analysis rolls back shows the breach, its query, the threshold and a chart", async ({ page, request }) => {
  test.setTimeout(240_000);
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const slug = `analysed-${randomUUID().slice(0, 8)}`;
  const service = await apiOk(request, admin, "POST", "/api/v1/services", { slug, name: `Analysed ${slug}` });
  await apiOk(request, admin, "PATCH", `/api/v1/services/${service.id}`, {
    analysis: {
      enabled: true,
      intervalSeconds: 1,
      // This journey is about a canary step's analysis; no watch after full traffic, so 1.0.0 finishes at once.
      watchPeriodSeconds: 0,
      minSampleRequests: 10,
      triggers: [{ kind: "threshold", name: TRIGGER, metric: "error_rate", comparison: ">", threshold: 5, windowSeconds: 10 }],
    },
  });
  // Only /health before traffic: the bad release fails /mcp too once its errors start, and an MCP check that
  // ran past that moment would roll it back before analysis saw it. This journey is about the analysis.
  await apiOk(request, admin, "PUT", `/api/v1/services/${service.id}/smoke-suite`, {
    checks: [{ kind: "http", name: "Health endpoint", path: "/health" }],
  });
  const target = await apiOk(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
    defaultStrategy: "canary",
    canarySteps: [50, 100],
    stepPauseSeconds: 60,
  });
  // As the journeys' seeded targets: two post-deploy checks over 1 s instead of the documents' 6 over 30 s.
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "postDeployChecks" = 2, "postDeploySeconds" = 1 WHERE id = $1`, [target.id]),
  );
  const deploy = async (version: string, strategy: "rolling" | "canary", env?: Record<string, string>) => {
    const digest = `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
    const release = await apiOk(request, admin, "POST", "/api/v1/releases", {
      service: slug,
      version,
      image: `sample:${version}`,
      digest,
      env,
    });
    return (await apiOk(request, admin, "POST", "/api/v1/deployments", { releaseId: release.id, environment: "staging", strategy }))
      .id as string;
  };
  const stateOf = async (id: string) => (await apiOk(request, admin, "GET", `/api/v1/deployments/${id}`)).state;
  const good = await deploy("1.0.0", "rolling");
  await expect.poll(() => stateOf(good), { timeout: 90_000 }).toBe("succeeded");

  const { provider } = await apiOk(request, admin, "GET", `/api/v1/targets/${target.id}`);
  const traffic = startClientTraffic({ url: new URL("/work", provider.url).toString() });
  let bad: string;
  try {
    // Its errors start 5 s after it starts: it passes its check before traffic, then fails under load.
    bad = await deploy("1.0.1", "canary", { ERROR_RATE: "0.2", ERRORS_AFTER_SECONDS: "5" });
    await signIn(page, "admin");
    await page.goto(`/deployments/${bad}`);
    await expect(page.getByTestId("deployment-state").locator("[data-state]")).toHaveAttribute("data-state", "rolled_back", {
      timeout: 90_000,
    });
  } finally {
    await traffic.stop();
  }
  expect(traffic.sent()).toBeGreaterThan(0);

  const deployment = await apiOk(request, admin, "GET", `/api/v1/deployments/${bad}`);
  expect(deployment.error).toMatch(/^Analysis: rollback — Error rate above 5%: /);
  const { runs } = await apiOk(request, admin, "GET", `/api/v1/deployments/${bad}/analysis`);
  expect(runs).toHaveLength(1);
  const breach = runs[0].measurements.findLast((m: { verdict: string | null; dryRun: boolean }) => m.verdict === "fail" && !m.dryRun);

  const analysis = page.getByRole("region", { name: "Analysis" });
  const run = analysis.getByRole("article", { name: "Analysis run: Canary step 1 (50 % of traffic)" });
  await expect(run.getByTestId("analysis-verdict")).toHaveText("rollback");
  const trigger = run.getByRole("region", { name: `Trigger ${TRIGGER}` });
  await expect(trigger).toContainText("threshold: error_rate > 5 % over 10 s");
  await expect(trigger.locator("code").first()).toHaveText(
    `local error_rate{target="${target.id}",revision="${deployment.revision}"}[10s] = 100 × 5xx responses / proxied requests`,
  );
  const row = trigger.locator(`#measurement-${breach.id}`);
  await expect(row).toHaveAttribute("data-verdict", "fail");
  await expect(row).toContainText(/fail\s*\d+(\.\d+)? % > 5 % over 10 s/);

  const chart = trigger.getByRole("img", { name: `${TRIGGER}: candidate vs stable` });
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "threshold 5 %" })).toBeVisible();
  await expect(chart.locator(".recharts-reference-dot")).toHaveCount(1);

  // The README's picture of this section, made on request only and never asserted on. A viewport as tall as
  // the page keeps the sticky navigation bar above the section rather than over it.
  if (process.env.README_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 2400 });
    await analysis.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  const link = page.getByTestId("timeline").getByRole("link", { name: `See the breach: ${TRIGGER}` });
  await expect(link).toHaveAttribute("href", `#measurement-${breach.id}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#measurement-${breach.id}$`));
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
});
