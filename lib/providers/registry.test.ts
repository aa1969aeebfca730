import { describe, expect, it } from "vitest";
import { KubernetesProvider } from "./kubernetes/kubernetes-provider";
import { LocalProvider } from "./local/local-provider";
import { createProvider } from "./registry";
import type { ProviderTarget } from "./types";

describe("createProvider", () => {
  it("gives the local provider for local targets", () => {
    expect(createProvider("local", { localStateDir: "/tmp/unused" })).toBeInstanceOf(LocalProvider);
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

  it.each(["cloudrun"] as const)("refuses every %s operation with an explanation until it ships", async (type) => {
    const provider = createProvider(type);
    const target: ProviderTarget = { id: "t1", providerType: type, providerConfig: {} };
    await expect(provider.getStatus({ target })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining(`The ${type} provider is not configured on this installation yet`),
    });
    await expect(provider.setTraffic({ target, weights: { a: 100 } })).rejects.toMatchObject({ code: "unavailable" });
    expect(provider.getRevisionMetrics).toBeUndefined();
  });
});
