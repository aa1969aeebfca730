// One provider instance per type per process: the local provider keeps its supervisor clients warm.
import { createProvider } from "@/lib/providers/registry";
import type { DeploymentProvider, ProviderType } from "@/lib/providers/types";

const providers = new Map<ProviderType, DeploymentProvider>();

export function getProvider(type: ProviderType): DeploymentProvider {
  let provider = providers.get(type);
  if (!provider) {
    provider = createProvider(type);
    providers.set(type, provider);
  }
  return provider;
}
