import { describe, expect, it } from "vitest";
import { CloudRunProvider } from "./cloudrun/cloud-run-provider";
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

  it.each(["kubernetes"] as const)("refuses every %s operation with an explanation until it ships", async (type) => {
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
