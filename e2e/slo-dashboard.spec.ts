// The SLO pages in the browser, over an SLI history written straight into the rollups (the sampler that
// writes them from real traffic is proven in lib/services/sli/sli-history.integration.test.ts): a release
// that failed 2 % of its requests for 20 minutes and was rolled back. The list shows the target with its
// budget; its dashboard shows the budget with the numbers behind it, six charts with data against their
// objective lines, and the deploy and the rollback as markers that open the deployment. A target with no
// traffic says "not enough data", never NaN or 100 %.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createTarget, insertDeployment, withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";

const SCREENSHOT = path.resolve(__dirname, "../public/readme/slo-dashboard.png");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function writeHistory(targetId: string, now: number) {
  const minuteNow = Math.floor(now / MINUTE) * MINUTE;
  const hourNow = Math.floor(now / HOUR) * HOUR;
  const rows: unknown[][] = [];
  for (let i = 1; i <= 24 * 60; i++) {
    const bad = i > 20 && i <= 40; // the bad release served from 40 to 20 minutes ago
    const latency = bad ? [0, 0, 0, 0, 100, 150, 40, 10, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 120, 150, 30, 0, 0, 0, 0, 0, 0, 0, 0];
    rows.push([targetId, "minute", new Date(minuteNow - i * MINUTE), 300, bad ? 6 : 0, latency, 20 + (i % 7), 45 + (i % 5)]);
  }
  for (let k = 1; k <= 7 * 24; k++) {
    const latency = [0, 0, 0, 7200, 9000, 1800, 0, 0, 0, 0, 0, 0, 0, 0];
    rows.push([targetId, "hour", new Date(hourNow - k * HOUR), 18_000, k === 1 ? 120 : 0, latency, 22, 46]);
  }
  await withDatabase(async (client) => {
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const values = chunk.map((_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(", ")})`).join(", ");
      await client.query(
        `INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts", "cpuPercent", "memoryPercent") VALUES ${values}`,
        chunk.flat(),
      );
    }
  });
}

async function backdate(deploymentId: string, at: Date) {
  await withDatabase((client) =>
    client.query(`UPDATE "Deployment" SET "createdAt" = $2, "startedAt" = $2, "finishedAt" = $2 WHERE id = $1`, [deploymentId, at]),
  );
}

test("the SLO dashboard charts a bad release and its rollback, with the budget's numbers", async ({ page }) => {
  const now = Date.now();
  const target = await createTarget("staging");
  await writeHistory(target.targetId, now);
  const deployId = await insertDeployment({
    releaseId: target.releaseId,
    targetId: target.targetId,
    state: "rolled_back",
    active: false,
    revision: "r2",
  });
  const rollbackId = await insertDeployment({
    releaseId: target.releaseId,
    targetId: target.targetId,
    state: "succeeded",
    active: false,
    revision: "r1",
    kind: "rollback",
  });
  await backdate(deployId, new Date(now - 40 * MINUTE));
  await backdate(rollbackId, new Date(now - 20 * MINUTE));
  const slug = await withDatabase(
    async (c) => (await c.query(`SELECT slug FROM "Service" WHERE id = $1`, [target.serviceId])).rows[0].slug,
  );

  await signIn(page, "viewer");
  await page.goto(`/slos?service=${slug}`);
  const row = page.getByTestId("slo-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("budget-meter")).toHaveAttribute("data-tone", /ok|warn|danger/);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/slos/${target.targetId}$`));

  // The numbers the page shows are the API's, and the formula is spelt out.
  const api = await (await page.request.get(`/api/v1/slos?target=${target.targetId}`)).json();
  const budget = api.items[0].slo.budget;
  expect(budget.status).not.toBe("not_enough_data");
  const numbers = page.getByTestId("budget-numbers");
  await expect(numbers).toContainText(`Total requests${budget.total.toLocaleString("en-US")}`);
  await expect(numbers).toContainText(`Failed (bad)${budget.bad.toLocaleString("en-US")}`);
  await expect(numbers).toContainText("Allowed bad");
  await expect(page.getByRole("region", { name: "Error budget" })).toContainText("Request-based over a rolling 30-day window");
  await expect(page.getByTestId("burn-rule-fast")).toBeVisible();

  for (const key of ["availability", "errorRate", "p95", "p99", "memory", "cpu"]) {
    const chart = page.getByTestId(`slo-chart-${key}`);
    await expect(chart).toHaveAttribute("data-has-data", "true");
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(chart.locator("svg text", { hasText: "objective" }).first()).toBeVisible();
  }
  const availability = page.getByTestId("slo-chart-availability");
  await expect(availability.locator("svg text", { hasText: "objective > 99.9%" })).toBeVisible();
  await expect(availability.getByTestId("chart-event")).toHaveCount(2);
  await expect(availability.locator(`a[href="/deployments/${rollbackId}"]`)).toContainText("rollback 1.0.0");

  if (process.env.README_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.locator("main").screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  await page.getByRole("button", { name: "7d", exact: true }).click();
  await expect(page.getByRole("button", { name: "7d", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("slo-chart-availability")).toHaveAttribute("data-has-data", "true");

  // In the last hour the two markers are far apart: the deploy's opens its deployment.
  await page.getByRole("button", { name: "1h", exact: true }).click();
  await expect(availability.getByTestId("chart-event")).toHaveCount(2);
  await availability.locator(`a[href="/deployments/${deployId}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/deployments/${deployId}$`));
});

test("a target without traffic says not enough data", async ({ page }) => {
  const target = await createTarget("staging");
  await signIn(page, "viewer");
  await page.goto(`/slos/${target.targetId}`);
  await expect(page.getByTestId("budget-not-enough")).toContainText("Not enough data: 0 requests in the last 30 days");
  await expect(page.getByTestId("slo-chart-availability")).toHaveAttribute("data-has-data", "false");
  await expect(page.getByTestId("slo-chart-availability")).toContainText("Not enough data in the last 24h");
  await expect(page.locator("main")).not.toContainText("NaN");
  await expect(page.locator("main")).not.toContainText("100.000%");
});
