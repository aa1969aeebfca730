// Chooses the provider implementation for a target's type. Exhaustive: a new ProviderType does not compile
// until it has a case here.
import path from "node:path";
import { env } from "@/lib/env";
import { CloudRunProvider } from "./cloudrun/cloud-run-provider";
import { KubernetesProvider } from "./kubernetes/kubernetes-provider";
import { LocalProvider } from "./local/local-provider";
import type { DeploymentProvider, ProviderType } from "./types";

export type ProviderOptions = {
  /** Directory of the local provider's per-target state files; defaults to LOCAL_PROVIDER_STATE_DIR. */
  localStateDir?: string;
};

export function createProvider(type: ProviderType, options: ProviderOptions = {}): DeploymentProvider {
  switch (type) {
    case "local":
      // The state directory is data, not code: keep the bundler from tracing the whole project through it.
      return new LocalProvider({
        stateDir: path.resolve(/*turbopackIgnore: true*/ options.localStateDir ?? env().LOCAL_PROVIDER_STATE_DIR),
      });
    case "kubernetes":
      return new KubernetesProvider();
    case "cloudrun":
      return new CloudRunProvider();
    default: {
      const unknown: never = type;
      throw new Error(`unknown provider type ${String(unknown)}`);
    }
  }
}
