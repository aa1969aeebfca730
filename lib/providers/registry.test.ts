import { describe, expect, it } from "vitest";
import { CloudRunProvider } from "./cloudrun/cloud-run-provider";
import { KubernetesProvider } from "./kubernetes/kubernetes-provider";
import { LocalProvider } from "./local/local-provider";
import { createProvider } from "./registry";
import type { ProviderTarget } from "./types";

describe("createProvider", () => {
  it("gives the local provider for local targets", () => {
    expect(createProvider("local", { localStateDir: "/tmp/unused" })).toBeInstanceOf(LocalProvider);
  });

  it("gives the Cloud Run provider for cloudrun targets, which has no metrics of its own", () => {
    const provider = createProvider("cloudrun");
    expect(provider).toBeInstanceOf(CloudRunProvider);
    expect(provider.getRevisionMetrics).toBeUndefined();
  });

  it("gives the Kubernetes provider for kubernetes targets, refusing a bad configuration with the field named", async () => {
    const provider = createProvider("kubernetes");
    expect(provider).toBeInstanceOf(KubernetesProvider);
    const target: ProviderTarget = { id: "t1", providerType: "kubernetes", providerConfig: { namespace: "shop" } };
    await expect(provider.getStatus({ target })).rejects.toMatchObject({
      code: "validation",
      message: expect.stringContaining("providerConfig.deployment"),
    });
  });
});
