// Sign-in through a real OpenID Connect identity provider started by the test setup.
import { expect, test, type Page } from "@playwright/test";
import { OIDC_NAME } from "./support/e2e-env";

async function signInThroughIdp(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  // The identity provider's own login and consent pages.
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/overview/);
}

test("a new user signs in through OIDC and gets the role from the role claim", async ({ page }) => {
  await signInThroughIdp(page, "sso-release");
  await expect(page.getByTestId("user-role")).toHaveText("Release manager");
  await expect(page.getByText("Sam SSO").first()).toBeVisible();
  await page.goto("/audit?action=auth.sign_in");
  await expect(page.getByText("sso-release@sso.example").first()).toBeVisible();
});

test("an OIDC identity with a known email is linked to the existing user and keeps that user's role", async ({ page }) => {
  await signInThroughIdp(page, "dev");
  await expect(page.getByTestId("user-role")).toHaveText("Developer");
  await expect(page.getByText("Dana Developer").first()).toBeVisible();
});

test("wrong password on the local sign-in form says so and stays on the page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@flightdeck.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /wrong email or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
