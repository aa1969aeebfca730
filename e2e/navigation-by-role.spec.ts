// What each role's navigation offers, and that hidden pages are also refused on the server.
import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, signIn, type DemoRole } from "./support/sign-in";

const EVERYONE = ["Overview", "Releases", "Deployments", "Alerts", "SLOs", "Insights", "Audit"];

for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
  test(`${role}: navigation offers what the role may use`, async ({ page }) => {
    await signIn(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    const expected = role === "admin" ? [...EVERYONE, "Settings"] : EVERYONE;
    await expect(nav.getByRole("link")).toHaveText(expected);

    // The seeded matrix is on the Overview for everyone.
    await expect(page.getByText("mahavishnu-mcp").first()).toBeVisible();
    await expect(page.getByText("1.2.0").first()).toBeVisible();
    // Every environment says whether its deployment window is open and when that changes.
    await expect(page.getByTestId("window-production")).toContainText(/(open|closed|frozen).*\(UTC\)/i);
    await expect(page.getByTestId("window-staging")).toContainText(/open/i);
  });
}

test("admin: Settings › Users lists the users", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings/users");
  await expect(page.getByText("release@flightdeck.local").first()).toBeVisible();
});

for (const role of (Object.keys(DEMO_ACCOUNTS) as DemoRole[]).filter((r) => r !== "admin")) {
  test(`${role}: Settings › Users is refused and shows no user`, async ({ page }) => {
    await signIn(page, role);
    await page.goto("/settings/users");
    await expect(page.getByText(/not allowed|forbidden|403/i).first()).toBeVisible();
    await expect(page.getByText("release@flightdeck.local")).toHaveCount(0);
  });
}

test("signed-out visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/signin/);
});
