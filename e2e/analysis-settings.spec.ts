// Analysis and metrics sources in Settings › Services: an admin turns a service's analysis on, edits a
// trigger and the interval and saves (read back through the API); a bad interval is explained beside its
// field and stores nothing; an admin points a target at Prometheus with a query override; a release manager
// is refused both edits by the API.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { insertService } from "./support/catalog";
import { createToken, withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";
import { api } from "./support/api";

const storedAnalysis = async (id: string) =>
  withDatabase(async (client) => (await client.query(`SELECT analysis FROM "Service" WHERE id = $1`, [id])).rows[0].analysis);

async function openAnalysis(page: Page, serviceId: string) {
  await signIn(page, "admin");
  await page.goto(`/settings/services/${serviceId}`);
  const section = page.getByRole("region", { name: "Analysis" });
  const triggers = section.getByRole("list", { name: "Analysis triggers" }).locator(":scope > li");
  return { section, triggers };
}

test("an admin enables analysis, edits a trigger's threshold and the interval, and saves", async ({ page }) => {
  const service = await insertService();
  const { section, triggers } = await openAnalysis(page, service.id);
  const toggle = section.getByRole("switch", { name: "Analysis enabled" });
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toHaveAccessibleDescription(/a breach rolls the release back/);
  await expect(triggers).toHaveCount(6);

  await toggle.check();
  await section.getByLabel("Interval (seconds)").fill("5");
  await expect(triggers.first().getByLabel("Metric")).toHaveValue("error_rate");
  await triggers.first().getByLabel("Threshold (%)").fill("2.5");
  await section.getByRole("button", { name: "Save analysis" }).click();
  await expect(section.getByRole("status")).toHaveText("Saved.");

  const { analysis } = await (await page.request.get(`/api/v1/services/${service.id}`)).json();
  expect(analysis).toMatchObject({ enabled: true, intervalSeconds: 5, watchPeriodSeconds: 1800, lowTrafficPolicy: "pause" });
  expect(analysis.triggers).toHaveLength(6);
  expect(analysis.triggers[0]).toMatchObject({ kind: "threshold", metric: "error_rate", comparison: ">", threshold: 2.5 });
  expect(analysis.triggers[5]).toMatchObject({ kind: "baseline", metric: "p95", maxIncreasePercent: 50, dryRun: true });
});

test("a bad interval is explained beside its field and nothing is stored; reset asks first", async ({ page }) => {
  const service = await insertService();
  const { section, triggers } = await openAnalysis(page, service.id);
  await section.getByRole("switch", { name: "Analysis enabled" }).check();
  const interval = section.getByLabel("Interval (seconds)");
  await interval.fill("0");
  await section.getByRole("button", { name: "Add trigger" }).click();
  await expect(triggers).toHaveCount(7);
  await section.getByRole("button", { name: "Save analysis" }).click();
  await expect(interval).toHaveAttribute("aria-invalid", "true");
  await expect(interval).toHaveAccessibleDescription(/>=1/);
  await expect(section.getByRole("status")).toHaveCount(0);
  expect(await storedAnalysis(service.id)).toEqual({ enabled: false });

  await section.getByRole("button", { name: "Reset to the documents' defaults" }).click();
  const dialog = page.getByRole("dialog", { name: /Reset the analysis/ });
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(dialog).toBeHidden();
  await expect(interval).toHaveValue("10");
  await expect(triggers).toHaveCount(6);
  await triggers
    .last()
    .getByRole("button", { name: /Remove trigger 6/ })
    .click();
  await expect(triggers).toHaveCount(5);
  expect(await storedAnalysis(service.id)).toEqual({ enabled: false });
});

test("an admin points a target at Prometheus with a query override; the API returns it", async ({ page, request }) => {
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const slug = `metrics-${randomUUID().slice(0, 8)}`;
  const service = await api(request, admin, "POST", "/api/v1/services", { slug, name: `Metrics ${slug}` });
  const target = await api(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.body.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(201);

  await signIn(page, "admin");
  await page.goto(`/settings/services/${service.body.id}`);
  await page.getByTestId("target-row-staging").getByRole("button", { name: "Edit the Staging target" }).click();
  const dialog = page.getByRole("dialog", { name: /Edit the Staging target/ });
  await expect(dialog.getByRole("radio", { name: "Local proxy (default)" })).toBeChecked();
  await dialog.getByRole("radio", { name: "Prometheus" }).check();
  const p99 = dialog.getByLabel("p99 latency query (optional, ms)");
  await expect(p99).toHaveAttribute("placeholder", /histogram_quantile\(0\.99, .*target="\{\{target\}\}"/);
  await dialog.getByLabel("Selector (optional)").fill('job="api",version="{{revision}}"');
  await expect(p99).toHaveAttribute("placeholder", /job="api",version="\{\{revision\}\}"/);
  await p99.fill("max(my_p99_ms{{{selector}}})");
  const url = dialog.getByLabel("Prometheus URL");
  await url.fill("ftp://prometheus.internal");
  await dialog.getByRole("button", { name: "Save target" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/must be an http or https URL/);

  await url.fill("http://prometheus.internal:9090");
  await dialog.getByRole("button", { name: "Save target" }).click();
  await expect(dialog).toBeHidden();
  const read = await api(request, admin, "GET", `/api/v1/targets/${target.body.id}`);
  expect(read.body.metricsSource).toEqual({
    type: "prometheus",
    url: "http://prometheus.internal:9090",
    timeoutMs: 5000,
    // The query templates the form's "Query templates" select left at the default.
    flavour: "flightdeck",
    selector: 'job="api",version="{{revision}}"',
    queries: { p99: "max(my_p99_ms{{{selector}}})" },
    sampleQueries: {},
  });
  expect(read.body.metricsQueries.queries.p99).toMatchObject({
    value: 'max(my_p99_ms{job="api",version="{{revision}}"})',
    isOverridden: { value: true, samples: false },
  });
});

test("a release manager may not change a service's analysis or a target's metrics source (403)", async ({ request }) => {
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const releaseManager = (await createToken("release@flightdeck.local", "release_manager")).token;
  const service = await insertService();
  const refused = await api(request, releaseManager, "PATCH", `/api/v1/services/${service.id}`, { analysis: { enabled: true } });
  expect(refused.status).toBe(403);
  expect(refused.body.detail).toMatch(/admin\.manage/);
  expect(await storedAnalysis(service.id)).toEqual({ enabled: false });

  const target = await api(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
  });
  const metrics = { metricsSource: { type: "prometheus", url: "http://prometheus.internal:9090" } };
  expect((await api(request, releaseManager, "PATCH", `/api/v1/targets/${target.body.id}`, metrics)).status).toBe(403);
  expect((await api(request, admin, "GET", `/api/v1/targets/${target.body.id}`)).body.metricsSource).toEqual({ type: "local" });
});
