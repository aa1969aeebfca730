// "What is firing, and who is on it?": a release failing 2 % of its requests under steady traffic opens a P1
// for real (worker evaluating the documents' rule, local provider, sample service, the test's own requests).
// The Alerts page lists it with its rule, value and target; an on-call engineer acknowledges it with a note
// and the page names them; the target's page shows it too; after the rollback it shows as resolved.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken } from "./support/database";
import { signIn } from "./support/sign-in";
import { startClientTraffic } from "@/lib/services/rollout/testing/client-traffic";
import { apiOk } from "./support/api";

const SCREENSHOT = path.resolve(__dirname, "../public/readme/alerts.png");

test("a release at 2 % errors opens a P1 that an on-call engineer acknowledges and the rollback resolves", async ({ page, request }) => {
  test.setTimeout(240_000);
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const slug = `alerting-${randomUUID().slice(0, 8)}`;
  // A new service starts with the documents' alert rules, error rate > 1 % → P1 among them.
  const service = await apiOk(request, admin, "POST", "/api/v1/services", { slug, name: `Alerting ${slug}` });
  await apiOk(request, admin, "PUT", `/api/v1/services/${service.id}/smoke-suite`, {
    checks: [{ kind: "http", name: "Health endpoint", path: "/health" }],
  });
  const target = await apiOk(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
    defaultStrategy: "rolling",
  });
  const deploy = async (version: string, env?: Record<string, string>) => {
    const digest = `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
    const release = await apiOk(request, admin, "POST", "/api/v1/releases", {
      service: slug,
      version,
      image: `sample:${version}`,
      digest,
      env,
    });
    return (await apiOk(request, admin, "POST", "/api/v1/deployments", { releaseId: release.id, environment: "staging" })).id as string;
  };
  const stateOf = async (id: string) => (await apiOk(request, admin, "GET", `/api/v1/deployments/${id}`)).state;
  const good = await deploy("1.0.0");
  await expect.poll(() => stateOf(good), { timeout: 90_000 }).toBe("succeeded");

  const { provider } = await apiOk(request, admin, "GET", `/api/v1/targets/${target.id}`);
  const traffic = startClientTraffic({ url: new URL("/work", provider.url).toString() });
  try {
    // Its errors start 5 s after it starts: it passes its checks, then fails 2 % of real requests.
    const bad = await deploy("1.0.1", { ERROR_RATE: "0.02", ERRORS_AFTER_SECONDS: "5" });
    await expect.poll(() => stateOf(bad), { timeout: 90_000 }).toBe("succeeded");

    await signIn(page, "oncall");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await expect(page).toHaveURL(/\/alerts$/);
    await page.getByLabel("Service").selectOption(slug);
    await page.getByRole("button", { name: "Apply filters" }).click();
    const row = page.getByRole("row").filter({ hasText: "Error rate above 1%" });
    // The page refreshes every 10 s; the worker evaluates every 2 s.
    await expect(row).toBeVisible({ timeout: 40_000 });
    await expect(row.getByText("P1", { exact: true })).toBeVisible();
    await expect(row).toContainText("rule: error_rate > 1 % over 300 s");
    await expect(row).toContainText(/\d+(\.\d+)? % > 1 % over 300 s/);
    await expect(row.getByText("open", { exact: true })).toBeVisible();
    await expect(row.getByRole("link", { name: `Alerting ${slug} · Staging` })).toHaveAttribute("href", `/targets/${target.id}`);
    if (process.env.README_SCREENSHOTS) await page.screenshot({ path: SCREENSHOT });

    // The target's own page says what is firing there.
    await row.getByRole("link", { name: `Alerting ${slug} · Staging` }).click();
    const onTarget = page.getByRole("region", { name: "Alerts on this target" });
    // At 2 % errors the fast burn-rate page may open beside it: the threshold alert's own item carries its P1.
    const onTargetItem = onTarget.getByRole("listitem").filter({ hasText: "Error rate above 1%" });
    await expect(onTargetItem.getByText("P1", { exact: true })).toBeVisible();
    // …and what each of its rules said: the error-rate rule firing since it opened, with its condition.
    const rules = page.getByRole("region", { name: "Alert rules on this target" });
    const errorRule = rules.getByRole("listitem").filter({ hasText: "Error rate above 1%" });
    await expect(errorRule.getByText("firing", { exact: true })).toBeVisible();
    await expect(errorRule).toContainText("error_rate > 1 % over 300 s");
    await expect(rules.getByRole("heading")).toContainText(/\d+ rules: \d+ firing/);
    await page.goBack();

    await row.getByRole("button", { name: `Acknowledge P1 Error rate above 1% on Alerting ${slug}` }).click();
    const dialog = page.getByRole("dialog", { name: "Acknowledge P1: Error rate above 1%" });
    await expect(dialog).toContainText("keeps blocking deploys to this target");
    await dialog.getByLabel("Note (optional)").fill("rolling back 1.0.1");
    await dialog.getByRole("button", { name: "Acknowledge" }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByText("acknowledged", { exact: true })).toBeVisible();
    await expect(row).toContainText("by Omar Oncall");
    await expect(row.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

    const { deploymentId } = await apiOk(request, admin, "POST", `/api/v1/targets/${target.id}/rollback`, { reason: "P1: error rate" });
    await expect.poll(() => stateOf(deploymentId), { timeout: 60_000 }).toBe("succeeded");
    const resolvedAlerts = async () =>
      (await apiOk(request, admin, "GET", `/api/v1/alerts?service=${slug}&state=resolved`)).items.map((a: { name: string }) => a.name);
    // The fast burn-rate page, where it opened, follows its own 5-minute window: only the threshold alert is timed here.
    await expect.poll(resolvedAlerts, { timeout: 20_000 }).toContain("Error rate above 1%");
  } finally {
    await traffic.stop();
  }
  await page.getByLabel("State").selectOption("resolved");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/state=resolved/);
  const resolved = page.getByRole("row").filter({ hasText: "Error rate above 1%" });
  await expect(resolved.getByText("resolved", { exact: true })).toBeVisible();
  await expect(resolved).toContainText("by Omar Oncall");
});
