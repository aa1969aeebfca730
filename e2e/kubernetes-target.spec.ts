// The admin's Kubernetes journey: a Kubernetes target added in Settings › Targets with a kubeconfig pasted as
// its credentials (never shown again), its connection tested, a blue-green first deploy, a canary held at 50 % with the page saying how weights are applied
// (a replica ratio of 2 pods, so 50 % steps), then a rollback from the UI — all against the repository's
// Kubernetes test cluster, started by this spec, whose pods are real sample-service processes.
import { AppsV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { expect, test, type Page } from "@playwright/test";
import { deploymentManifest, serviceManifest } from "@/lib/providers/kubernetes/testing/test-cluster-fixtures";
import { insertService } from "./support/catalog";
import { type KubeTestCluster, spawnKubeTestCluster } from "./support/kube-test-cluster";
import { createRelease } from "./support/releases";
import { signIn } from "./support/sign-in";

const WORKER = { timeout: 45_000 };
const NAMESPACE = "shop";
let cluster: KubeTestCluster;

test.beforeAll(async () => {
  cluster = await spawnKubeTestCluster({ namespaces: [NAMESPACE] });
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  await kc
    .makeApiClient(AppsV1Api)
    .createNamespacedDeployment({ namespace: NAMESPACE, body: deploymentManifest({ name: "web", image: "sample:0.9.0", replicas: 1 }) });
  await kc
    .makeApiClient(CoreV1Api)
    .createNamespacedService({ namespace: NAMESPACE, body: serviceManifest({ name: "web", selector: { app: "web" } }) });
});

test.afterAll(async () => {
  await cluster?.stop();
});

async function startDeployment(page: Page, { releaseId, strategy }: { releaseId: string; strategy: string }): Promise<string> {
  await page.goto("/deployments");
  await page.getByRole("button", { name: "New deployment" }).click();
  const dialog = page.getByRole("dialog", { name: "New deployment" });
  await dialog.getByLabel("Release").selectOption(releaseId);
  await dialog.getByLabel("Environment").selectOption("staging");
  await dialog.getByLabel("Strategy").selectOption(strategy);
  await dialog.getByRole("button", { name: "Start deployment" }).click();
  await expect(page).toHaveURL(/\/deployments\/[^/?]+$/);
  return page.url().split("/").at(-1)!;
}

const state = (page: Page) => page.getByTestId("deployment-state");
const trafficBar = (page: Page) => page.getByRole("meter", { name: /Traffic on/ });

test("an admin adds a Kubernetes target, deploys blue-green, watches a replica-ratio canary and rolls back", async ({ page }) => {
  test.setTimeout(240_000);
  const service = await insertService();
  await signIn(page, "admin");

  await page.goto(`/settings/services/${service.id}`);
  const staging = page.getByTestId("target-row-staging");
  await staging.getByRole("button", { name: "Add a Staging target" }).click();
  const dialog = page.getByRole("dialog", { name: /Add the Staging target/ });
  await dialog.getByLabel("Provider").selectOption("kubernetes");
  await dialog.getByLabel("Kubeconfig from").selectOption("credentials");
  await dialog.getByLabel("Kubeconfig", { exact: true }).fill(cluster.kubeconfig);
  // A bad namespace first: the server names the field.
  await dialog.getByLabel("Namespace").fill("Not A Label");
  await dialog.getByLabel("Deployment", { exact: true }).fill("web");
  await dialog.getByLabel("Container").fill("app");
  await dialog.getByLabel("Service", { exact: true }).fill("web");
  await dialog.getByLabel("Pods per revision (optional)").fill("2");
  await dialog.getByLabel("Default strategy").selectOption("canary");
  await dialog.getByLabel("Canary steps (%)").fill("50, 100");
  await dialog.getByLabel("Wait for a person to promote each step").check();
  await dialog.getByRole("button", { name: "Add target" }).click();
  await expect(dialog.getByLabel("Namespace")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Namespace")).toHaveAccessibleDescription(/DNS label/);
  await dialog.getByLabel("Namespace").fill(NAMESPACE);
  // Test connection before saving: each check the provider ran, in a person's words.
  await dialog.getByRole("button", { name: "Test connection" }).click();
  const report = dialog.getByRole("status");
  await expect(report).toContainText("Connection works: every check passed.", WORKER);
  await expect(report).toContainText("reach the API server");
  await expect(report).toContainText(`patch deployments/web in namespace ${NAMESPACE}`);
  await dialog.getByRole("button", { name: "Add target" }).click();
  await expect(dialog).toBeHidden();
  await expect(staging).toContainText("kubernetes");
  await expect(staging).toContainText(`${NAMESPACE}/web`);
  // The kubeconfig is never shown again: the edit form starts empty and says some are stored.
  await staging.getByRole("button", { name: /Edit/ }).click();
  const edit = page.getByRole("dialog", { name: /Edit the Staging target/ });
  await expect(edit.getByLabel("Kubeconfig", { exact: true })).toHaveValue("");
  await expect(edit.getByLabel("Kubeconfig", { exact: true })).toHaveAttribute("placeholder", /stored/);
  await expect(edit).toContainText("they are never shown again");
  await expect(edit).not.toContainText("certificate-authority-data");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // 1.0.0, blue-green: a Deployment of its own behind the Service.
  const v1 = await createRelease({ serviceId: service.id, version: "1.0.0" });
  await startDeployment(page, { releaseId: v1, strategy: "blue_green" });
  await expect(state(page)).toHaveText("succeeded", WORKER);

  // 2.0.0, canary: held at 50 % for a person, and the page says how the weight is applied.
  const v2 = await createRelease({ serviceId: service.id, version: "2.0.0" });
  const canaryId = await startDeployment(page, { releaseId: v2, strategy: "canary" });
  await expect(state(page)).toHaveText("paused", WORKER);
  await expect(trafficBar(page)).toHaveAttribute("aria-valuenow", "50");
  await expect(page.getByText(/canary weights are a ratio of 2 pods: steps of 50 %/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("kubernetes-canary.png"), fullPage: true });

  await page.getByRole("button", { name: "Rollback" }).click();
  const rollback = page.getByRole("dialog");
  await rollback.getByLabel("Reason (optional)").fill("canary looks wrong");
  await rollback.getByRole("button", { name: "Roll back" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/deployments/${canaryId}$`));
  await expect(state(page)).toHaveText("succeeded", WORKER);

  // The target page: 1.0.0 serves everything again; the canary's Deployment is scaled down, kept in history.
  await page.getByRole("link", { name: `${service.slug.replace("matrix-", "Matrix ")} · Staging` }).click();
  await expect(page).toHaveURL(/\/targets\/[^/]+$/);
  const revisions = page.getByRole("table", { name: "Revisions" });
  await expect(revisions.getByRole("row").filter({ hasText: "1.0.0" })).toContainText("100%");
  await expect(revisions.getByRole("row").filter({ hasText: "2.0.0" })).toContainText("0%");
  await page.screenshot({ path: test.info().outputPath("kubernetes-target-page.png"), fullPage: true });
});
