// The Overview's search box and filters: the matrix narrows as one types, by owner and to one environment's
// column, the URL keeps the view, and Clear brings every service back.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("the Overview narrows by search, owner and environment, and clears", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/overview");
  const matrix = page.getByRole("table", { name: "Services by environment" });
  const rowOf = (name: string) => matrix.getByRole("rowheader").filter({ hasText: name });
  await expect(rowOf("Mahavishnu MCP")).toBeVisible();
  // Other journeys add services meanwhile, so "everything" is the seeded services being back, not a count.
  const expectEverything = async () => {
    for (const name of ["Mahavishnu MCP", "Session-Buddy", "Akosha"]) await expect(rowOf(name)).toBeVisible();
  };

  await page.getByRole("searchbox", { name: "Search" }).fill("session-b");
  await expect(page).toHaveURL(/[?&]q=session-b/);
  await expect(matrix.getByRole("rowheader")).toHaveCount(1);
  await expect(rowOf("Session-Buddy")).toBeVisible();
  await expect(page.getByTestId("overview-count")).toHaveText(/^1 of \d+ services match$/);

  await page.getByRole("button", { name: "Clear" }).click();
  await expectEverything();
  await page.getByLabel("Owner").selectOption("knowledge");
  await expect(page).toHaveURL(/[?&]owner=knowledge/);
  await expect(matrix.getByRole("rowheader")).toHaveCount(1);
  await expect(rowOf("Akosha")).toBeVisible();

  await page.locator("#overview-environment").selectOption("production");
  await expect(matrix.getByRole("columnheader")).toHaveCount(2);
  await expect(matrix.getByRole("columnheader").nth(1)).toContainText("Production");
  await page.reload();
  await expect(page.locator("#overview-environment")).toHaveValue("production");
  await expect(page.getByLabel("Owner")).toHaveValue("knowledge");
  await expect(matrix.getByRole("rowheader")).toHaveCount(1);

  await page.getByRole("searchbox", { name: "Search" }).fill("no such service anywhere");
  await expect(page.getByTestId("empty-state")).toContainText("No services match");
  await page.getByRole("button", { name: "Clear" }).click();
  await expectEverything();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(matrix.getByRole("columnheader").filter({ hasText: "Staging" })).toBeVisible();
});
