// The demo's two provider environments in one database, as one demo start creates them: both are created
// (the promotion order is unique, and both once had 30, so the second failed and the demo ran without its
// Kubernetes target), after the seed's production, and a second start finds the same ones.
import { afterAll, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { DEMO_ENVIRONMENTS, upsertDemoEnvironment } from "./demo-environments";

afterAll(() => disconnectDb());

it("creates the Cloud Run and the Kubernetes demo environments side by side, once", async () => {
  const first = [await upsertDemoEnvironment("cloudrun"), await upsertDemoEnvironment("kubernetes")];
  expect(first.map((e) => [e.slug, e.promotionOrder])).toEqual([
    ["cloud-run", DEMO_ENVIRONMENTS.cloudrun.promotionOrder],
    ["k8s-demo", DEMO_ENVIRONMENTS.kubernetes.promotionOrder],
  ]);
  // after the seed's staging (10) and production (20)
  expect(Math.min(...first.map((e) => e.promotionOrder))).toBeGreaterThan(20);
  const again = await Promise.all([upsertDemoEnvironment("kubernetes"), upsertDemoEnvironment("cloudrun")]);
  expect(again.map((e) => e.id).sort()).toEqual(first.map((e) => e.id).sort());
});
