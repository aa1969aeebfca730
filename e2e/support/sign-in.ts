// Signs in through the real sign-in page with a seeded demo account.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "flightdeck-demo";

export const DEMO_ACCOUNTS = {
  admin: { email: "admin@flightdeck.local", label: "Admin" },
  release_manager: { email: "release@flightdeck.local", label: "Release manager" },
  oncall: { email: "oncall@flightdeck.local", label: "On-call engineer" },
  developer: { email: "dev@flightdeck.local", label: "Developer" },
  viewer: { email: "viewer@flightdeck.local", label: "Viewer" },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(DEMO_ACCOUNTS[role].email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A deliberate scrypt, the session record and a full page load: on a busy machine more than the default 10 s.
  await expect(page).toHaveURL(/\/overview/, { timeout: 30_000 });
  await expect(page.getByTestId("user-role")).toHaveText(DEMO_ACCOUNTS[role].label);
}
