// One set of API clients per target configuration and credentials, kept for the life of the provider: a
// KubeConfig and the typed clients. What can be shared is, across targets: the connections to an API server
// (per TLS identity) and the loopback API proxy smoke runs reach revisions through (per cluster and user).
import { createHash } from "node:crypto";
import { ApisApi, AppsV1Api, AuthorizationV1Api, CoreV1Api, CustomObjectsApi, type KubeConfig } from "@kubernetes/client-node";
import { AppError } from "@/lib/api/app-error";
import { parseProviderConfig, type KubernetesConfig } from "../provider-config";
import type { ProviderTarget } from "../types";
import { loadKubeConfig } from "./load-kube-config";
import { type ApiType, createKubeConnectionPool, makePooledApiClient } from "./pooled-kube-api";
import { type ApiProxy, startApiProxy } from "./start-api-proxy";

export type KubeClients = {
  config: KubernetesConfig;
  kc: KubeConfig;
  apps: AppsV1Api;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  apis: ApisApi;
  authorization: AuthorizationV1Api;
  /** The loopback API proxy's URL, started on first use by any target of the same cluster and user. */
  proxyUrl: () => Promise<string>;
  /** When the Gateway API group was last checked, and whether it was served. */
  routeCrd?: { checkedAt: number; served: boolean };
};

export type KubeClientCache = {
  clientsFor: (target: ProviderTarget) => KubeClients;
  close: () => Promise<void>;
};

export function kubernetesConfigOf(target: ProviderTarget): KubernetesConfig {
  if (target.providerType !== "kubernetes")
    throw new AppError("validation", `target ${target.id} is a ${target.providerType} target, not kubernetes`);
  return parseProviderConfig({ type: "kubernetes", config: target.providerConfig });
}

export function createKubeClientCache(): KubeClientCache {
  const cache = new Map<string, KubeClients>();
  // Shared by every target on the same API server as the same user (a namespace each on one cluster): one
  // pool of connections per TLS identity, one loopback proxy per cluster and user.
  const pool = createKubeConnectionPool();
  const proxies = new Map<string, Promise<ApiProxy>>();
  const proxyFor = (kc: KubeConfig) => {
    const identity = createHash("sha256")
      .update(JSON.stringify([kc.getCurrentCluster(), kc.getCurrentUser()]))
      .digest("hex");
    let proxy = proxies.get(identity);
    if (!proxy) {
      proxy = startApiProxy(kc);
      proxies.set(identity, proxy);
    }
    return proxy;
  };
  return {
    clientsFor(target) {
      const config = kubernetesConfigOf(target);
      const key = createHash("sha256")
        .update(JSON.stringify([target.id, config.kubeconfig, target.credentials ?? ""]))
        .digest("hex");
      const known = cache.get(key);
      if (known) return Object.assign(known, { config });
      const kc = loadKubeConfig({ config, credentials: target.credentials });
      const make = <T>(type: ApiType<T>) => makePooledApiClient({ kc, pool, type });
      const clients: KubeClients = {
        config,
        kc,
        apps: make(AppsV1Api),
        core: make(CoreV1Api),
        custom: make(CustomObjectsApi),
        apis: make(ApisApi),
        authorization: make(AuthorizationV1Api),
        proxyUrl: async () => (await proxyFor(kc)).url,
      };
      cache.set(key, clients);
      return clients;
    },
    async close() {
      const open = [...proxies.values()];
      proxies.clear();
      await Promise.all([...open.map(async (p) => (await p).close()), pool.close()]);
      cache.clear();
    },
  };
}
