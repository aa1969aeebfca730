// The admin's onboarding journey: a new service from Settings › Services (a refused slug is explained beside
// its field), a local staging target that runs the sample service, a release recorded with New release, and
// a deploy to staging that succeeds — with nothing prepared in the database beforehand.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

const WORKER = { timeout: 45_000 };

// When this journey runs first, the server has just started: load the sign-in path's modules once, so that
// sign-in's own time limit measures signing in rather than the first request's cold start.
test.beforeAll(async ({ request }) => {
  for (const path of ["/signin", "/api/auth/providers", "/api/auth/csrf", "/api/auth/session", "/overview", "/api/v1/health"]) {
    await request.get(path, { timeout: 60_000 });
  }
});

test("an admin onboards a service with a local target, records a release and deploys it to staging", async ({ page }) => {
  test.setTimeout(180_000);
  const tag = randomUUID().slice(0, 8);
  const slug = `onboard-${tag}`;
  await signIn(page, "admin");

  // Settings › Services: New service, first with a slug the server refuses, then a good one.
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Services" }).click();
  await expect(page).toHaveURL(/\/settings\/services$/);
  await page.getByRole("button", { name: "New service" }).click();
  const dialog = page.getByRole("dialog", { name: "New service" });
  await dialog.getByLabel("Slug").fill("Onboard Me");
  await dialog.getByLabel("Name").fill(`Onboarded ${tag}`);
  await dialog.getByLabel("Repository (optional)").fill("acme/onboarded");
  await dialog.getByLabel("Owner (optional)").fill("platform");
  await dialog.getByLabel("Name").press("Enter");
  await expect(dialog.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Slug")).toHaveAccessibleDescription(/lowercase letters, digits and dashes/);
  await dialog.getByLabel("Slug").fill(slug);
  await dialog.getByRole("button", { name: "Create service" }).click();
  await expect(page).toHaveURL(/\/settings\/services\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Onboarded ${tag}`);

  // A local target in staging running the sample service, as the seeded targets do.
  const staging = page.getByTestId("target-row-staging");
  await staging.getByRole("button", { name: "Add a Staging target" }).click();
  const targetDialog = page.getByRole("dialog", { name: /Add the Staging target/ });
  // The connection test names what a deploy would miss, before anything is saved.
  await targetDialog.getByLabel("Command").fill("no-such-program workers/sample-service/server.ts");
  await targetDialog.getByRole("button", { name: "Test connection" }).click();
  const report = targetDialog.getByRole("status");
  await expect(report).toContainText("Connection failed");
  await expect(report).toContainText("program no-such-program failed");
  await targetDialog.getByLabel("Command").fill("tsx workers/sample-service/server.ts");
  await targetDialog.getByRole("button", { name: "Test connection" }).click();
  await expect(report).toContainText("Connection works: every check passed.");
  await expect(report).toContainText("program tsx passed");
  await targetDialog.getByLabel("Service name (optional)").fill(slug);
  await targetDialog.getByLabel("Default strategy").selectOption("rolling");
  await targetDialog.getByRole("button", { name: "Add target" }).click();
  await expect(targetDialog).toBeHidden();
  await expect(staging).toContainText("local");
  await expect(staging).toContainText("tsx workers/sample-service/server.ts");
  await expect(staging).toContainText("Rolling");
  await page.screenshot({ path: test.info().outputPath("service-page.png"), fullPage: true });

  // The list shows it, found by search.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Services" }).click();
  await page.getByRole("searchbox", { name: "Search services" }).fill(tag);
  await expect(page.getByTestId(`service-row-${slug}`)).toContainText("staging");

  // New release, from the Releases page.
  await page.goto("/releases");
  await page.getByRole("button", { name: "New release" }).click();
  const release = page.getByRole("dialog", { name: "New release" });
  await release.getByLabel("Service").selectOption(slug);
  await release.getByLabel("Version").fill("1.0.0");
  await release.getByLabel("Image").fill(`registry.example.com/acme/${slug}:1.0.0`);
  await release.getByLabel("Artifact digest").fill(`sha256:${tag.padEnd(64, "0")}`);
  await release.getByRole("button", { name: "Record release" }).click();
  await expect(page).toHaveURL(/\/releases\/[^/]+$/);
  const releaseId = page.url().split("/").at(-1)!;

  // Deploy it to staging, and watch it succeed.
  await page.goto("/deployments");
  await page.getByRole("button", { name: "New deployment" }).click();
  const deploy = page.getByRole("dialog", { name: "New deployment" });
  await deploy.getByLabel("Release").selectOption(releaseId);
  await deploy.getByLabel("Environment").selectOption("staging");
  await deploy.getByRole("button", { name: "Start deployment" }).click();
  await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
  await expect(page.getByTestId("deployment-state")).toHaveText("succeeded", WORKER);
  await expect(page.getByRole("meter", { name: /Traffic on/ })).toHaveAttribute("aria-valuenow", "100");

  // The Overview now has the service, running 1.0.0 in staging.
  await page.goto("/overview");
  await expect(page.getByTestId(`cell-${slug}-staging`)).toContainText("1.0.0");
});
