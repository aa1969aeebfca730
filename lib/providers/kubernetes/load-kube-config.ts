// A target's KubeConfig from where its configuration says: a file on the worker, the target's decrypted
// credentials, or the pod's service account (in-cluster). Bad or missing kubeconfigs are validation errors
// naming the field, so the target form can point at them.
import { KubeConfig } from "@kubernetes/client-node";
import { AppError } from "@/lib/api/app-error";
import type { KubernetesConfig } from "../provider-config";

function refuse(path: string, message: string): never {
  throw new AppError("validation", `providerConfig.${path}: ${message}`, { fields: [{ path: `providerConfig.${path}`, message }] });
}

export function loadKubeConfig({ config, credentials }: { config: KubernetesConfig; credentials?: string }): KubeConfig {
  const kc = new KubeConfig();
  const source = config.kubeconfig;
  try {
    if (source.source === "file") kc.loadFromFile(source.path);
    else if (source.source === "credentials") {
      if (!credentials) refuse("kubeconfig.source", "the target has no stored credentials: paste a kubeconfig into its credentials");
      kc.loadFromString(credentials);
    } else kc.loadFromCluster();
  } catch (error) {
    if (error instanceof AppError) throw error;
    refuse(source.source === "file" ? "kubeconfig.path" : "kubeconfig.source", `cannot load the kubeconfig: ${(error as Error).message}`);
  }
  if (source.source !== "in-cluster" && source.context) {
    if (!kc.getContextObject(source.context)) refuse("kubeconfig.context", `the kubeconfig has no context "${source.context}"`);
    kc.setCurrentContext(source.context);
  }
  if (!kc.getCurrentCluster()) refuse("kubeconfig", "the kubeconfig names no cluster for its current context");
  return kc;
}
