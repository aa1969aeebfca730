// Shared set-up of the test cluster's own integration tests: manifests as a deploy tool writes them, a
// client-node KubeConfig for a cluster, waiting on a Deployment through a real watch, and the Status body
// of a failed call.
import { ApiException, type KubeConfig, type V1Deployment, Watch } from "@kubernetes/client-node";

export function deploymentManifest({
  name,
  image,
  replicas = 2,
  progressDeadlineSeconds,
  labels = { app: name },
}: {
  name: string;
  image: string;
  replicas?: number;
  progressDeadlineSeconds?: number;
  labels?: Record<string, string>;
}): V1Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas,
      ...(progressDeadlineSeconds ? { progressDeadlineSeconds } : {}),
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "app",
              image,
              ports: [{ containerPort: 8080, name: "http" }],
              env: [{ name: "SERVICE_NAME", value: name }],
              readinessProbe: { httpGet: { path: "/health", port: 8080 }, periodSeconds: 1 },
            },
          ],
        },
      },
    },
  };
}

export function serviceManifest({ name, selector }: { name: string; selector: Record<string, string> }) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name },
    spec: { selector, ports: [{ name: "http", port: 80, targetPort: "http" }] },
  };
}

/** Resolves with the Deployment once `check` holds, following a real `?watch=true` stream; rejects after `timeoutMs`. */
export async function waitForDeployment({
  kc,
  namespace,
  name,
  check,
  timeoutMs = 60_000,
}: {
  kc: KubeConfig;
  namespace: string;
  name: string;
  check: (d: V1Deployment) => boolean;
  timeoutMs?: number;
}): Promise<V1Deployment> {
  let last: V1Deployment | undefined;
  let controller: AbortController | undefined;
  try {
    return await new Promise<V1Deployment>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`deployment ${name} did not converge in ${timeoutMs} ms; last status ${JSON.stringify(last?.status)}`)),
        timeoutMs,
      );
      void new Watch(kc)
        .watch(
          `/apis/apps/v1/namespaces/${namespace}/deployments`,
          { fieldSelector: `metadata.name=${name}` },
          (_type, object: V1Deployment) => {
            last = object;
            if (check(object)) {
              clearTimeout(timer);
              resolve(object);
            }
          },
          (error) => error && reject(error),
        )
        .then((c) => (controller = c));
    });
  } finally {
    controller?.abort();
  }
}

export function condition(d: V1Deployment, type: string) {
  return d.status?.conditions?.find((c) => c.type === type);
}

/** The Kubernetes Status object an ApiException carries. */
export function statusOf(error: unknown): { code: number; reason: string; message: string; details?: Record<string, unknown> } {
  if (!(error instanceof ApiException)) throw error;
  const body = typeof error.body === "string" ? JSON.parse(error.body) : error.body;
  return { ...body, code: error.code };
}
