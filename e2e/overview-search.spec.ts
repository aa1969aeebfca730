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
  const all = await matrix.getByRole("rowheader").count();

  await page.getByRole("searchbox", { name: "Search" }).fill("session-b");
  await expect(page).toHaveURL(/[?&]q=session-b/);
  await expect(matrix.getByRole("rowheader")).toHaveCount(1);
  await expect(rowOf("Session-Buddy")).toBeVisible();
  await expect(page.getByTestId("overview-count")).toHaveText(`1 of ${all} services`);

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(matrix.getByRole("rowheader")).toHaveCount(all);
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
  await expect(matrix.getByRole("rowheader")).toHaveCount(all);
  await expect(matrix.getByRole("columnheader")).not.toHaveCount(2);
});
