// The Overview shows health: a target with an open P1 turns its cell red with a "P1" badge, a target with only
// a P3 stays plain, and "Only unhealthy" narrows the matrix to the services that need a look, kept in the URL.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createStagingTarget, insertOpenAlert } from "./support/database";
import { serviceSlug } from "./support/releases";
import { signIn } from "./support/sign-in";

const SCREENSHOT = path.resolve(__dirname, "../public/readme/overview.png");

test("a target with an open P1 shows red with P1, and Only unhealthy keeps it and drops the healthy one", async ({ page }) => {
  const bad = await createStagingTarget();
  const fine = await createStagingTarget();
  await insertOpenAlert({ targetId: bad.targetId, severity: "P1" });
  await insertOpenAlert({ targetId: fine.targetId, severity: "P3" });
  const [badSlug, fineSlug] = [await serviceSlug(bad.serviceId), await serviceSlug(fine.serviceId)];

  await signIn(page, "viewer");
  await page.goto(`/overview?q=${badSlug}`);
  const badCell = page.getByTestId(`cell-${badSlug}-staging`);
  await expect(badCell).toHaveAttribute("data-health", "unhealthy");
  await expect(badCell).toHaveClass(/bg-red-50/);
  await expect(badCell.getByLabel("1 open P1")).toHaveText("P1");
  await expect(badCell.getByText("Budget: not enough data")).toBeVisible();

  await page.goto(`/overview?q=${fineSlug}`);
  const fineCell = page.getByTestId(`cell-${fineSlug}-staging`);
  await expect(fineCell).toHaveAttribute("data-health", "healthy");
  await expect(fineCell.getByText("P3")).toHaveCount(0);
  await expect(fineCell.getByText("No traffic data (1 h)")).toBeVisible();

  await page.goto("/overview");
  const matrix = page.getByRole("table", { name: "Services by environment" });
  const rowOf = (slug: string) => matrix.getByRole("rowheader").filter({ hasText: slug });
  await expect(rowOf(fineSlug)).toBeVisible();
  if (process.env.README_SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  await page.getByRole("checkbox", { name: "Only unhealthy" }).check();
  await expect(page).toHaveURL(/[?&]unhealthy=true/);
  await expect(rowOf(fineSlug)).toHaveCount(0);
  await expect(rowOf(badSlug)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Only unhealthy" })).toBeChecked();
  await expect(rowOf(badSlug)).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill(fineSlug);
  await expect(page.getByTestId("empty-state")).toContainText("No unhealthy services match");
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole("checkbox", { name: "Only unhealthy" })).not.toBeChecked();
  await expect(rowOf(fineSlug)).toBeVisible();
});
