// What runs a pod's (first) container: a real process of the sample service, or a simulation for benches.
// The kubelet asks a runtime to start a container and is told when it is ready and when it exits.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Pod } from "./kube-types";

/** How the service proxy reaches a running container. */
export type PodEndpoint =
  { kind: "process"; port: number } | { kind: "simulated"; serve: (req: IncomingMessage, res: ServerResponse, path: string) => void };

export type RunningContainer = {
  endpoint: PodEndpoint;
  pid: number | null;
  /** Stops the container (the whole process group); resolves once it is gone. */
  stop: () => Promise<void>;
};

export type StartContainerInput = {
  pod: Pod;
  /** Pods that must never pass readiness (image tag `never-ready`, or a fault): they run but stay unready. */
  neverReady: boolean;
  logFile: string;
  onReady: () => void;
  onExit: (exit: { code: number | null; reason: string }) => void;
};

export type PodRuntime = { start: (input: StartContainerInput) => Promise<RunningContainer> };

/** The image's tag, which the sample service reports as its VERSION: `registry/sample:1.2.0` → `1.2.0`. */
export function imageTag(image: string): string {
  const withoutDigest = image.split("@")[0]!;
  const tag = /:([^/:]+)$/.exec(withoutDigest)?.[1];
  return tag ?? "latest";
}

/** The environment a container sees: PORT, VERSION (image tag), SERVICE_NAME, HOSTNAME, then its own env list. */
export function containerEnv(pod: Pod, port: number): Record<string, string> {
  const container = pod.spec.containers[0]!;
  const own = Object.fromEntries((container.env ?? []).flatMap((e) => (e.value !== undefined ? [[e.name, e.value]] : [])));
  return { PORT: String(port), VERSION: imageTag(container.image), SERVICE_NAME: container.name, HOSTNAME: pod.metadata.name, ...own };
}

export function isNeverReadyImage(pod: Pod): boolean {
  const container = pod.spec.containers[0];
  return Boolean(
    container &&
    (container.image.includes("never-ready") || container.env?.some((e) => e.name === "TEST_CLUSTER_NEVER_READY" && e.value === "true")),
  );
}
