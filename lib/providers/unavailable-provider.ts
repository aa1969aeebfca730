// Stands in for a provider type whose implementation has not shipped yet (kubernetes, cloudrun): targets
// of that type can be stored and shown, and any operation fails with a message a person can act on.
import { AppError } from "@/lib/api/app-error";
import type { DeploymentProvider, ProviderType } from "./types";

export function createUnavailableProvider(type: Exclude<ProviderType, "local" | "kubernetes">): DeploymentProvider {
  const refuse = async (): Promise<never> => {
    throw new AppError(
      "unavailable",
      `The ${type} provider is not configured on this installation yet: only "local" targets can be deployed for now. ` +
        `See lib/providers/README.md for how ${type} will map onto the provider contract.`,
    );
  };
  return {
    startRevision: refuse,
    setTraffic: refuse,
    getStatus: refuse,
    rollback: refuse,
    listRevisions: refuse,
    stopRevision: refuse,
    testConnection: refuse,
  };
}
