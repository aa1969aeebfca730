// Keeps a Prometheus file_sd list of a namespace's ready Flightdeck pods, each scraped through the API
// server's pod proxy (`/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/metrics`) and labelled with its
// target and revision, as a kubernetes_sd_configs job with relabelling would; polled, since tests only.
import { writeFile, rename } from "node:fs/promises";
import { CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import { REVISION_LABEL } from "../kube-names";

export type PodScrapeTargets = { stop: () => Promise<void> };

export function writePodScrapeTargets({
  kc,
  namespace,
  apiHost,
  file,
  targetId,
  intervalMs = 250,
}: {
  kc: KubeConfig;
  namespace: string;
  /** host:port of the API server's plain-HTTP listener Prometheus scrapes through. */
  apiHost: string;
  file: string;
  targetId: string;
  intervalMs?: number;
}): PodScrapeTargets {
  const core = kc.makeApiClient(CoreV1Api);
  let running = true;
  const write = async () => {
    const pods = await core.listNamespacedPod({ namespace, labelSelector: REVISION_LABEL });
    const groups = pods.items
      .filter((p) => p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") && !p.metadata?.deletionTimestamp)
      .map((p) => ({
        targets: [apiHost],
        labels: {
          __metrics_path__: `/api/v1/namespaces/${namespace}/pods/${p.metadata!.name}:${p.spec!.containers[0]!.ports?.[0]?.containerPort ?? 80}/proxy/metrics`,
          pod: p.metadata!.name!,
          revision: p.metadata!.labels![REVISION_LABEL]!,
          target: targetId,
        },
      }));
    await writeFile(`${file}.tmp`, JSON.stringify(groups));
    await rename(`${file}.tmp`, file);
  };
  const loop = (async () => {
    while (running) {
      await write().catch((error: unknown) => console.warn(`pod scrape targets: ${(error as Error).message}`));
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
