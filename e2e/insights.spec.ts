// Delivery metrics in the browser, over deployments the real worker ran: CI records releases with their
// commit time; one deploy succeeds, one fails its smoke run and is rolled back by the rollout, one succeeds
// and is then rolled back by on-call. The Insights page shows the four figures for that service in staging,
// and each figure opens the Deployments list of exactly the deployments it counts.
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken, withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";
import { api, waitForState } from "./support/api";

const SCREENSHOT = path.join(__dirname, "..", "public", "readme", "insights.png");

test("the Insights page shows the four delivery figures of a service, each linking to its deployments", async ({ page, request }) => {
  test.setTimeout(300_000);
  const admin = (await createToken("admin@flightdeck.local", "admin")).token;
  const developer = (await createToken("dev@flightdeck.local", "developer")).token;
  const slug = `dora-${randomUUID().slice(0, 8)}`;
  const service = await api(request, admin, "POST", "/api/v1/services", { slug, name: `Delivery ${slug}` });
  expect(service.status).toBe(201);
  const target = await api(request, admin, "POST", "/api/v1/targets", {
    serviceId: service.body.id,
    environment: "staging",
    providerType: "local",
    providerConfig: { command: ["tsx", "workers/sample-service/server.ts"], port: 0 },
  });
  expect(target.status, JSON.stringify(target.body)).toBe(201);
  // Two post-deploy checks over 1 s instead of the documents' 6 over 30 s keep the journey within its time.
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "postDeployChecks" = 2, "postDeploySeconds" = 1 WHERE id = $1`, [target.body.id]),
  );
  const committedAt = new Date(Date.now() - 2 * 3600_000).toISOString();
  const deploy = async (version: string, env?: Record<string, string>) => {
    const release = await api(request, developer, "POST", "/api/v1/releases", {
      service: slug,
      version,
      image: `sample:${version}`,
      digest: `sha256:${randomUUID().replaceAll("-", "").padEnd(64, "0")}`,
      committedAt,
      env,
    });
    expect(release.status, JSON.stringify(release.body)).toBe(201);
    const deployment = await api(request, developer, "POST", "/api/v1/deployments", { releaseId: release.body.id, environment: "staging" });
    expect(deployment.status, JSON.stringify(deployment.body)).toBe(202);
    return { releaseId: release.body.id as string, deploymentId: deployment.body.id as string };
  };

  const good = await deploy("1.0.0");
  await waitForState(request, admin, good.deploymentId, "succeeded");
  // one of its MCP tools is broken: the smoke run before traffic fails and the rollout takes it back
  const bad = await deploy("1.1.0", { BROKEN_TOOLS: "list_repos" });
  await waitForState(request, admin, bad.deploymentId, "rolled_back");
  const undone = await deploy("1.2.0");
  await waitForState(request, admin, undone.deploymentId, "succeeded");
  const rollback = await api(request, admin, "POST", `/api/v1/targets/${target.body.id}/rollback`, { reason: "e2e: 1.2.0 misbehaves" });
  expect(rollback.status, JSON.stringify(rollback.body)).toBe(202);
  await waitForState(request, admin, rollback.body.deploymentId, "succeeded");

  await signIn(page, "viewer");
  await page.goto(`/releases/${good.releaseId}`);
  await expect(page.getByRole("region", { name: "Release" })).toContainText("Committed");

  await page.goto(`/insights?service=${slug}&environment=staging&range=7d`);
  const card = (name: string) => page.getByRole("region", { name });
  await expect(page.locator("#insights-service")).toHaveValue(slug);
  await expect(page.locator("#insights-environment")).toHaveValue("staging");
  await expect(card("Deployment frequency")).toContainText("2 successful deploys");
  await expect(card("Deployment frequency").getByTestId("insight-value")).toHaveText("2 a week");
  await expect(card("Lead time for changes").getByTestId("insight-value")).toHaveText(/^2(\.\d)? h$/);
  await expect(card("Lead time for changes")).toContainText("over 2 deploys");
  await expect(card("Change failure rate").getByTestId("insight-value")).toHaveText("67 %");
  await expect(card("Change failure rate")).toContainText("2 failed deploys of 3");
  await expect(card("Time to restore")).toContainText("over 2 restored failures");
  await expect(card("Time to restore").getByTestId("insight-value")).not.toHaveText("No data");
  const failures = page.getByRole("table", { name: "Change failures" });
  await expect(failures.locator("tbody tr")).toHaveCount(2);
  await expect(failures).toContainText("Reverted by the rollout");
  await expect(failures).toContainText("Rolled back after it succeeded");

  if (process.env.README_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  // Each figure opens exactly its deployments.
  await card("Change failure rate").getByRole("link", { name: "2 failed deploys" }).click();
  await expect(page.getByTestId("insight-filter")).toContainText("failed changes");
  const listed = page.getByRole("table", { name: "Deployments" }).locator("tbody tr");
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText("1.2.0");
  await expect(listed.nth(1)).toContainText("1.1.0");
  await page.getByRole("link", { name: "Back to Insights" }).click();
  await card("Deployment frequency").getByRole("link", { name: "2 successful deploys" }).click();
  await expect(listed).toHaveCount(2);
  await expect(listed.nth(0)).toContainText("1.2.0");
  await expect(listed.nth(1)).toContainText("1.0.0");
});
