// Smoke tests in the browser: an admin gives a service the built-in suite, edits a check and saves it (a bad
// path is explained beside its field); Re-run on a deployment page runs the suite and shows its results
// live; a developer sees the results but no Re-run button, and the API refuses them with 403.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken, withDatabase } from "./support/database";
import { insertService } from "./support/catalog";
import { signIn } from "./support/sign-in";
import { api, waitForState } from "./support/api";

const WORKER = { timeout: 60_000 };

test("an admin gives a service the built-in suite, edits a check and saves it", async ({ page }) => {
  test.setTimeout(120_000);
  const service = await insertService();
  await signIn(page, "admin");
  await page.goto(`/settings/services/${service.id}`);
  const section = page.getByRole("region", { name: "Smoke suite" });
  await expect(section).toContainText("No checks yet");
  await section.getByRole("button", { name: "Use the built-in suite" }).click();
  const checks = section.getByRole("list", { name: "Smoke checks" }).locator(":scope > li");
  await expect(checks).toHaveCount(8);

  const first = checks.first();
  await first.getByLabel("Name").fill("Health (edited)");
  await first.getByLabel("Path").fill("//elsewhere");
  await section.getByRole("button", { name: "Save suite" }).click();
  await expect(first).toContainText("must be a path starting with a single /");

  await first.getByLabel("Path").fill("/health");
  await first.getByLabel("Expected status").fill("204");
  await checks
    .nth(1)
    .getByRole("button", { name: /Move check 2 .* up/ })
    .click();
  await section.getByRole("button", { name: "Save suite" }).click();
  await expect(section.getByRole("status")).toHaveText("Suite saved.");

  const stored = await (await page.request.get(`/api/v1/services/${service.id}/smoke-suite`)).json();
  expect(stored.checks).toHaveLength(8);
  expect(stored.checks[0].name).toBe("MCP initialization");
  expect(stored.checks[1]).toMatchObject({ kind: "http", name: "Health (edited)", path: "/health", expectStatus: 204 });

  // Replacing existing checks asks first.
  await section.getByRole("button", { name: "Use the built-in suite" }).click();
  const confirm = page.getByRole("dialog", { name: /Replace the checks/ });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(checks.nth(1)).toContainText("Health (edited)");
});

test("Re-run runs the suite live for an oncall-capable role; a developer sees results but cannot re-run", async ({ page, request }) => {
  test.setTimeout(240_000);
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const developer = (await createToken("dev@flightdeck.local", "developer")).token;
  const slug = `smoke-${randomUUID().slice(0, 8)}`;
  const service = await api(request, admin, "POST", "/api/v1/services", { slug, name: `Smoke ${slug}` });
  expect(service.status).toBe(201);
  const target = await api(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.body.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(201);
  // As in the journeys' seeded targets: two post-deploy checks over 1 s instead of the documents' 6 over 30 s.
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "postDeployChecks" = 2, "postDeploySeconds" = 1 WHERE id = $1`, [target.body.id]),
  );
  const release = await api(request, admin, "POST", "/api/v1/releases", {
    service: slug,
    version: "1.0.0",
    image: `sample:${slug}`,
    digest: `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`,
  });
  expect(release.status, JSON.stringify(release.body)).toBe(201);
  const deployment = await api(request, admin, "POST", "/api/v1/deployments", { releaseId: release.body.id, environment: "staging" });
  expect(deployment.status, JSON.stringify(deployment.body)).toBeLessThan(300);

  await signIn(page, "admin");
  await page.goto(`/deployments/${deployment.body.id}`);
  await expect(page.getByTestId("deployment-state")).toHaveText("succeeded", WORKER);
  const smoke = page.getByRole("region", { name: "Smoke tests" });
  await smoke.getByRole("button", { name: "Re-run smoke tests" }).click();
  const rerun = smoke.getByRole("article", { name: "Smoke run Re-run" }).last();
  await expect(rerun.getByRole("table", { name: "Check results" }).locator("tbody tr")).toHaveCount(8, WORKER);
  await expect(rerun.locator("header")).not.toContainText("running", WORKER);
  await expect(smoke.getByRole("button", { name: "Re-run smoke tests" })).toBeEnabled();

  // A developer: results, no Re-run; the API refuses them.
  await page.context().clearCookies();
  await signIn(page, "developer");
  await page.goto(`/deployments/${deployment.body.id}`);
  await expect(page.getByRole("region", { name: "Smoke tests" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Re-run smoke tests" })).toHaveCount(0);
  const refused = await api(request, developer, "POST", "/api/v1/smoke-runs", { targetId: target.body.id });
  expect(refused.status).toBe(403);
});

test("a release that fails its smoke run is rolled back before it gets traffic, and its page names the check", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const slug = `bad-${randomUUID().slice(0, 8)}`;
  const service = await api(request, admin, "POST", "/api/v1/services", { slug, name: `Bad ${slug}` });
  expect(service.status).toBe(201);
  const target = await api(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.body.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(201);
  // The documents' post-deploy validation takes 30 s; two checks over 1 s keep the journey within its time.
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "postDeployChecks" = 2, "postDeploySeconds" = 1 WHERE id = $1`, [target.body.id]),
  );
  const release = async (version: string, env?: Record<string, string>) => {
    const digest = `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`;
    const created = await api(request, admin, "POST", "/api/v1/releases", {
      service: slug,
      version,
      image: `sample:${version}`,
      digest,
      env,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  const good = await api(request, admin, "POST", "/api/v1/deployments", { releaseId: await release("1.0.0"), environment: "staging" });
  expect(good.status, JSON.stringify(good.body)).toBeLessThan(300);
  await waitForState(request, admin, good.body.id, "succeeded");

  const badRelease = await release("1.0.1", { BROKEN_TOOLS: "list_repos" });
  const bad = await api(request, admin, "POST", "/api/v1/deployments", {
    releaseId: badRelease,
    environment: "staging",
    strategy: "canary",
  });
  expect(bad.status, JSON.stringify(bad.body)).toBeLessThan(300);

  await signIn(page, "admin");
  await page.goto(`/deployments/${bad.body.id}`);
  await expect(page.getByTestId("deployment-state").locator("[data-state]")).toHaveAttribute("data-state", "rolled_back", WORKER);
  const run = page.getByRole("region", { name: "Smoke tests" }).getByRole("article", { name: "Smoke run Before traffic" });
  await expect(run.getByRole("row", { name: /List repositories tool/ })).toContainText("failed");
  await expect(run.getByRole("row", { name: /Health endpoint/ })).toContainText("passed");
  await expect(page.getByTestId("timeline")).toContainText("Smoke check 'List repositories tool' failed");
  // It never got traffic: the deployment ends with none on the bad revision.
  expect((await api(request, admin, "GET", `/api/v1/deployments/${bad.body.id}`)).body.trafficPercent).toBe(0);
});
