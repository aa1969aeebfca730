// The admin's Cloud Run journey: a Cloud Run target created in Settings › Targets with a service-account
// key (write-only: never shown again), its connection tested, two releases deployed to it through the Cloud
// Run test server (real revision processes behind a service URL that splits traffic), and a one-click
// rollback from the target page that moves the service URL back to the first revision.
import { expect, test } from "@playwright/test";
import { insertService } from "./support/catalog";
import { startE2eCloudRun, type E2eCloudRun } from "./support/cloud-run-server";
import { withDatabase } from "./support/database";
import { createRelease } from "./support/releases";
import { signIn } from "./support/sign-in";

const WORKER = { timeout: 60_000 };
let cloudRun: E2eCloudRun;

test.beforeAll(async () => {
  cloudRun = await startE2eCloudRun();
});

test.afterAll(async () => {
  await cloudRun?.stop();
});

/** The revision (a Cloud Run revision id) the service URL answers from. */
async function servedBy(url: string): Promise<string | null> {
  return (await fetch(`${url}/health`)).headers.get("x-revision");
}

test("an admin creates a Cloud Run target with a key, tests it, deploys twice and rolls back in one click", async ({ page }) => {
  test.setTimeout(240_000);
  const service = await insertService();
  const [v1, v2] = [
    await createRelease({ serviceId: service.id, version: "1.0.0" }),
    await createRelease({ serviceId: service.id, version: "2.0.0" }),
  ];
  await signIn(page, "admin");
  await page.goto(`/settings/services/${service.id}`);
  const staging = page.getByTestId("target-row-staging");
  await staging.getByRole("button", { name: "Add a Staging target" }).click();
  const dialog = page.getByRole("dialog", { name: /Add the Staging target/ });
  await dialog.getByLabel("Provider").selectOption("cloudrun");
  await dialog.getByLabel("Project id").fill(cloudRun.projectId);
  await dialog.getByLabel("Region").fill(cloudRun.region);
  await dialog.getByLabel("Service", { exact: true }).fill(service.slug);
  await dialog.getByLabel("API endpoint (optional)").fill(cloudRun.url);
  await dialog.getByLabel("Service-account key (JSON)").fill(JSON.stringify(cloudRun.serviceAccountKey));
  // The connection test, before anything is saved: the key authenticates, the service is still to come.
  await dialog.getByRole("button", { name: "Test connection" }).click();
  const report = dialog.getByRole("status");
  await expect(report).toContainText("Connection works: every check passed.");
  await expect(report).toContainText("does not exist yet: the first deploy creates it");
  await dialog.getByLabel("Default strategy").selectOption("blue_green");
  await dialog.getByRole("button", { name: "Add target" }).click();
  await expect(dialog).toBeHidden();
  await expect(staging).toContainText("cloudrun");
  await expect(staging).toContainText(`${cloudRun.projectId} / ${cloudRun.region} / ${service.slug}`);

  // The key is never shown again: the edit form starts empty and says one is stored; the API has no trace of it.
  await staging.getByRole("button", { name: "Edit the Staging target" }).click();
  const edit = page.getByRole("dialog", { name: /Staging target/ });
  await expect(edit.getByLabel("Service-account key (JSON)")).toHaveValue("");
  await expect(edit.getByLabel("Service-account key (JSON)")).toHaveAttribute("placeholder", /stored/);
  await edit.getByRole("button", { name: "Cancel" }).click();
  const targetId = await withDatabase(
    async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Target" WHERE "serviceId" = $1`, [service.id])).rows[0]!.id,
  );
  const read = await page.request.get(`/api/v1/targets/${targetId}`);
  expect(read.status()).toBe(200);
  const view = await read.text();
  expect(view).toContain(service.slug);
  expect(view).not.toContain("PRIVATE KEY");
  // Two post-deploy checks over a second, as the engine tests use, rather than six over 30 s.
  await withDatabase((client) =>
    client.query(`UPDATE "Target" SET "postDeployChecks" = 2, "postDeploySeconds" = 1 WHERE id = $1`, [targetId]),
  );

  for (const releaseId of [v1, v2]) {
    await page.goto("/deployments");
    await page.getByRole("button", { name: "New deployment" }).click();
    const deploy = page.getByRole("dialog", { name: "New deployment" });
    await deploy.getByLabel("Release").selectOption(releaseId);
    await deploy.getByLabel("Environment").selectOption("staging");
    await deploy.getByRole("button", { name: "Start deployment" }).click();
    await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
    await expect(page.getByTestId("deployment-state")).toHaveText("succeeded", WORKER);
  }

  // The target page lists Cloud Run's revisions; the service URL serves 2.0.0.
  await page.goto(`/targets/${targetId}`);
  const revisions = page.getByRole("table", { name: "Cloud Run revisions" });
  await expect(revisions.getByRole("row")).toHaveCount(3);
  await expect(revisions).toContainText("2.0.0");
  await expect(revisions).toContainText("1.0.0");
  const status = (await (await page.request.get(`/api/v1/targets/${targetId}`)).json()) as {
    provider: { url: string; revisions: { name: string; version: string }[] };
  };
  const first = status.provider.revisions.find((r) => r.version === "1.0.0")!.name;
  expect(await servedBy(status.provider.url)).not.toBe(`${service.slug}-${first}`);

  // One click (and its confirmation): all traffic back on 1.0.0 at the service URL.
  await page.getByRole("button", { name: "Rollback" }).click();
  await page
    .getByRole("dialog", { name: /Roll back/ })
    .getByRole("button", { name: "Roll back" })
    .click();
  await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
  await expect(page.getByTestId("deployment-state")).toHaveText("succeeded", WORKER);
  expect(await servedBy(status.provider.url)).toBe(`${service.slug}-${first}`);
});
