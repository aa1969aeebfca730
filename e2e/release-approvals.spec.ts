// The release manager's journey of issue 4: CI records a release with a developer's token; two release
// managers approve it for production; on a Friday the production window is closed, so the Deploy button says
// so and when it opens; an override needs a written reason and opens a post-hoc review; a hotfix deploys
// outside the window and opens one too; the author gets no Approve button, and the API refuses them.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createToken, userIdByEmail, withDatabase } from "./support/database";
import { appUrl } from "./support/e2e-env";
import { DEMO_PASSWORD } from "./support/sign-in";

const WORKER = { timeout: 45_000 };
const SERVICE = "session-buddy";

let adminToken = "";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The most recent Friday 12:00 UTC in the past: production (Mon–Thu 10:00–16:00 UTC) is closed then, and
 *  approvals given now are not older than their lifetime at that instant. */
function lastFridayNoon(): Date {
  const at = new Date();
  at.setUTCHours(12, 0, 0, 0);
  while (at.getUTCDay() !== 5 || at.getTime() > Date.now() - 60 * 60_000) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

async function setClock(request: APIRequestContext, now: Date | null): Promise<void> {
  const response = await request.put("/api/v1/test/clock", { headers: bearer(adminToken), data: { now: now?.toISOString() ?? null } });
  expect(response.ok(), await response.text()).toBe(true);
}

async function createRelease(
  request: APIRequestContext,
  token: string,
  options: { hotfix: boolean },
): Promise<{ id: string; version: string }> {
  const version = `4.${Date.now()}.${Math.floor(Math.random() * 1000)}${options.hotfix ? "-hotfix" : ""}`;
  const hex = randomUUID().replaceAll("-", "");
  const response = await request.post("/api/v1/releases", {
    headers: bearer(token),
    data: {
      service: SERVICE,
      version,
      image: `registry.example.com/sessions/session-buddy:${version}`,
      digest: `sha256:${hex}${hex}`,
      commit: hex.slice(0, 12),
      notes: options.hotfix ? "Fix the session leak (hotfix)" : "Remember sessions across restarts",
      hotfix: options.hotfix,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  // session-buddy's production target declares a backup step: record one, as the backup job would
  const recordedById = await userIdByEmail("release@flightdeck.local");
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Backup" (id, "targetId", "releaseId", note, "recordedById")
       SELECT $1, t.id, $2, 'e2e backup', $3 FROM "Target" t JOIN "Service" s ON s.id = t."serviceId" JOIN "Environment" e ON e.id = t."environmentId"
       WHERE s.slug = $4 AND e.slug = 'production'`,
      [`bak_${randomUUID().slice(0, 12)}`, id, recordedById, SERVICE],
    ),
  );
  return { id, version };
}

/** A browser session of its own for a seeded user. */
async function signedIn(browser: Browser, email: string, roleLabel: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByTestId("user-role")).toHaveText(roleLabel);
  return page;
}

const environmentCard = (page: Page, slug: string) => page.getByTestId(`environment-${slug}`);

async function waitForSucceeded(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
  await expect(page.getByTestId("deployment-state")).toContainText("succeeded", WORKER);
}

test.afterAll(async ({ request }) => {
  if (adminToken) await setClock(request, null);
});

test("approve for production, deploy outside the window by override and by hotfix, each opening a review", async ({ browser, request }) => {
  test.setTimeout(300_000);
  adminToken = (await createToken("admin@flightdeck.local", "admin")).token;
  const devToken = (await createToken("dev@flightdeck.local", "developer")).token;
  const release = await createRelease(request, devToken, { hotfix: false });

  // a release manager sees what production needs and approves
  const manager = await signedIn(browser, "release@flightdeck.local", "Release manager");
  await manager.goto("/releases");
  await manager.getByRole("link", { name: release.version }).click();
  await expect(manager).toHaveURL(`${appUrl}/releases/${release.id}`);
  const production = environmentCard(manager, "production");
  await expect(production.getByTestId("approvals-summary")).toHaveText("2 approvals required, 0 given");
  await production.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(production.getByTestId("approvals-summary")).toHaveText("2 approvals required, 1 given");
  await expect(production.getByRole("button", { name: "Withdraw my approval" })).toBeVisible();

  // a second release manager approves
  const second = await signedIn(browser, "release2@flightdeck.local", "Release manager");
  await second.goto(`/releases/${release.id}`);
  await environmentCard(second, "production").getByRole("button", { name: "Approve", exact: true }).click();
  await expect(environmentCard(second, "production").getByTestId("approvals-summary")).toHaveText("2 approvals required, 2 given");
  await second.context().close();

  // the author has no Approve button, and the API refuses them
  const author = await signedIn(browser, "dev@flightdeck.local", "Developer");
  await author.goto(`/releases/${release.id}`);
  await expect(environmentCard(author, "production").getByTestId("cannot-approve")).toHaveText(
    "You wrote this release; someone else must approve it",
  );
  await expect(author.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  await author.context().close();
  const refused = await request.post(`/api/v1/releases/${release.id}/approvals`, {
    headers: bearer(devToken),
    data: { environment: "production", decision: "approve" },
  });
  expect(refused.status()).toBe(403);

  // Friday noon: production's window is closed until Monday 10:00
  await setClock(request, lastFridayNoon());
  await manager.reload();
  await expect(production.getByTestId("window-description")).toHaveText("Closed — opens Mon 10:00 (UTC)");
  await expect(production.getByRole("button", { name: "Deploy to Production" })).toBeDisabled();
  await expect(production.getByTestId("deploy-why")).toContainText("Closed — opens Mon 10:00 (UTC). Deploy when it opens");

  // staging first, for promotion (staging is always open)
  await environmentCard(manager, "staging").getByRole("button", { name: "Deploy to Staging" }).click();
  await manager.getByRole("dialog").getByLabel("Strategy").selectOption("rolling");
  await manager.getByRole("dialog").getByRole("button", { name: "Start deployment" }).click();
  await waitForSucceeded(manager);

  // an override demands a reason; with one it deploys and opens a review
  await manager.goto(`/releases/${release.id}`);
  await expect(production.getByTestId("promotion")).toContainText("Succeeded in staging");
  await expect(production.getByRole("button", { name: "Deploy to Production" })).toBeDisabled();
  await production.getByRole("button", { name: "Override the window" }).click();
  const override = manager.getByRole("dialog");
  await expect(override).toContainText("opens a post-hoc review");
  await override.getByRole("button", { name: "Override and deploy" }).click();
  await expect(override.getByRole("alert")).toContainText("at least 10 characters");
  await override.getByLabel("Strategy").selectOption("rolling");
  await override.getByLabel("Why must this go out now?").fill("Customer sessions are lost on every restart");
  await override.getByRole("button", { name: "Override and deploy" }).click();
  await waitForSucceeded(manager);
  await manager.goto("/reviews");
  await expect(manager.getByRole("row").filter({ hasText: release.version })).toContainText("Window override");

  // a hotfix, approved by both release managers, deploys outside the window and opens a review
  const hotfix = await createRelease(request, devToken, { hotfix: true });
  for (const email of ["release@flightdeck.local", "release2@flightdeck.local"]) {
    const { token } = await createToken(email, "release_manager");
    const approved = await request.post(`/api/v1/releases/${hotfix.id}/approvals`, {
      headers: bearer(token),
      data: { environment: "production", decision: "approve" },
    });
    expect(approved.ok(), await approved.text()).toBe(true);
  }
  await manager.goto(`/releases/${hotfix.id}`);
  await expect(production.getByTestId("window-description")).toHaveText("Closed — opens Mon 10:00 (UTC)");
  await expect(production.getByTestId("deploy-why")).toContainText("Hotfix allowed outside the window");
  await production.getByRole("button", { name: "Deploy to Production" }).click();
  await manager.getByRole("dialog").getByLabel("Strategy").selectOption("rolling");
  await manager.getByRole("dialog").getByRole("button", { name: "Start deployment" }).click();
  await waitForSucceeded(manager);
  await manager.goto("/reviews");
  await expect(manager.getByRole("row").filter({ hasText: hotfix.version })).toContainText("Hotfix");
  await manager.goto("/overview");
  await expect(manager.getByTestId("open-reviews")).toBeVisible();
  await manager.context().close();
});
