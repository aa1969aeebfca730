import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { parseProviderConfig } from "./provider-config";

describe("parseProviderConfig", () => {
  it("accepts a local target and fills the retention default", () => {
    const config = parseProviderConfig({
      type: "local",
      config: { command: ["tsx", "workers/sample-service/server.ts"], port: 0, env: { LOG_LEVEL: "info" } },
    });
    expect(config).toMatchObject({ port: 0, retainRevisions: 2, env: { LOG_LEVEL: "info" } });
  });

  it("names the offending fields of a bad local target", () => {
    try {
      parseProviderConfig({ type: "local", config: { command: [], port: 70000, env: { "bad name": "x" } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const paths = (error as AppError).fields?.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(["providerConfig.command", "providerConfig.port", "providerConfig.env.bad name"]));
    }
  });

  it("takes a kubernetes target with each kubeconfig source, in-cluster by default", () => {
    const base = { namespace: "prod", deployment: "api", container: "app", service: "api" };
    expect(parseProviderConfig({ type: "kubernetes", config: base }).kubeconfig).toEqual({ source: "in-cluster" });
    expect(
      parseProviderConfig({ type: "kubernetes", config: { ...base, kubeconfig: { source: "file", path: "/etc/kube" } } }).kubeconfig,
    ).toMatchObject({ path: "/etc/kube" });
    expect(() => parseProviderConfig({ type: "kubernetes", config: { ...base, kubeconfig: { source: "file" } } })).toThrow(/kubeconfig/);
  });

  it("requires project, region and service of a Cloud Run target, with a service-account key by default", () => {
    expect(parseProviderConfig({ type: "cloudrun", config: { project: "shop-prod", region: "europe-west1", service: "api" } })).toEqual({
      project: "shop-prod",
      region: "europe-west1",
      service: "api",
      credentials: "service-account-key",
    });
    expect(() => parseProviderConfig({ type: "cloudrun", config: { project: "shop-prod" } })).toThrow(/region/);
    expect(() =>
      parseProviderConfig({ type: "cloudrun", config: { project: "P", region: "europe-west1", service: "Api_1", apiEndpoint: "ftp://x" } }),
    ).toThrow(/providerConfig\.project.*providerConfig\.service.*providerConfig\.apiEndpoint/);
  });
});
