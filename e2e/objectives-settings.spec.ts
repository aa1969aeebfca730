// SLO objectives and alert rules in Settings › Services: an admin sets a service's objectives and saves them
// (read back through the API); an objective of 100 % is explained beside its field and stores nothing; an admin
// starts from the documents' four rules, edits, removes and adds one, and saves; a duplicate rule name is named
// beside the rule's field and stores nothing.
import { expect, test, type Page } from "@playwright/test";
import { insertService } from "./support/catalog";
import { withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";

const stored = async (id: string) =>
  withDatabase(async (client) => (await client.query(`SELECT slos, "alertRules" FROM "Service" WHERE id = $1`, [id])).rows[0]);

async function openSection(page: Page, serviceId: string) {
  await signIn(page, "admin");
  await page.goto(`/settings/services/${serviceId}`);
  const section = page.getByRole("region", { name: "SLOs and alerts" });
  return {
    objectives: section.getByRole("form", { name: "SLO objectives" }),
    rulesForm: section.getByRole("form", { name: "Alert rules" }),
    rules: section.getByRole("list", { name: "Alert rules list" }).locator(":scope > li"),
  };
}

test("an admin sets a service's SLO objectives; an objective of 100 % is explained and stores nothing", async ({ page }) => {
  const service = await insertService();
  const { objectives } = await openSection(page, service.id);
  const availability = objectives.getByLabel("Availability (%)");
  // A service that never set them shows the documents' objectives.
  await expect(availability).toHaveValue("99.9");
  await expect(objectives.getByLabel("p95 latency (ms)")).toHaveValue("1000");

  await availability.fill("100");
  await objectives.getByRole("button", { name: "Save objectives" }).click();
  await expect(availability).toHaveAttribute("aria-invalid", "true");
  await expect(availability).toHaveAccessibleDescription(/an objective of 100 % leaves no error budget/);
  expect((await stored(service.id)).slos).toEqual({});

  await availability.fill("99.5");
  await objectives.getByLabel("p95 latency (ms)").fill("800");
  await objectives.getByRole("button", { name: "Save objectives" }).click();
  await expect(objectives.getByRole("status")).toHaveText("Saved.");
  const { slos } = await (await page.request.get(`/api/v1/services/${service.id}`)).json();
  expect(slos).toEqual({ uptimePercent: 99.5, p95Ms: 800, p99Ms: 2000, errorRatePercent: 0.1, memoryPercent: 80, cpuPercent: 70 });
});

test("an admin starts from the documents' rules, edits, removes and adds one; a duplicate name is named and stores nothing", async ({
  page,
}) => {
  const service = await insertService();
  const { rulesForm, rules } = await openSection(page, service.id);
  await expect(rulesForm.getByRole("status")).toHaveText(/No rules: no threshold alert is raised/);
  await rulesForm.getByRole("button", { name: "Reset to the documents' rules" }).click();
  const dialog = page.getByRole("dialog", { name: /Reset the alert rules/ });
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(dialog).toBeHidden();
  await expect(rules).toHaveCount(4);
  await expect(rules.first().getByLabel("Severity")).toHaveValue("P1");

  await rules.first().getByLabel("Threshold (%)").fill("2");
  await rules
    .last()
    .getByRole("button", { name: /Remove rule 4/ })
    .click();
  await rulesForm.getByRole("button", { name: "Add rule" }).click();
  await expect(rules).toHaveCount(4);
  await rules.last().getByLabel("Name").fill("Error rate above 0.5% (ticket)");
  await rules.last().getByLabel("Threshold (%)").fill("0.5");
  await rules.last().getByLabel("Severity").selectOption("P4");
  await rulesForm.getByRole("button", { name: "Save alert rules" }).click();
  await expect(rulesForm.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const { alertRules } = await (await page.request.get(`/api/v1/services/${service.id}`)).json();
  expect(alertRules.map((r: { name: string; threshold: number; severity: string }) => [r.name, r.threshold, r.severity])).toEqual([
    ["Error rate above 1%", 2, "P1"],
    ["p95 latency above 2 s", 2000, "P2"],
    ["Memory above 90%", 90, "P2"],
    ["Error rate above 0.5% (ticket)", 0.5, "P4"],
  ]);

  const before = await stored(service.id);
  const secondName = rules.nth(1).getByLabel("Name");
  await secondName.fill("Error rate above 1%");
  await rulesForm.getByRole("button", { name: "Save alert rules" }).click();
  await expect(secondName).toHaveAttribute("aria-invalid", "true");
  await expect(secondName).toHaveAccessibleDescription(/rule names must be unique/);
  expect(await stored(service.id)).toEqual(before);
});
