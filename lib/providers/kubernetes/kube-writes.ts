// The provider's writes, each one API call with the content type Kubernetes expects for it: strategic merge
// for an image patch, JSON patch for `rollout undo`'s template copy, merge patch for scale and for custom
// resources (HTTPRoute refuses strategic merge), and a read-modify-replace for the Service selector, retried
// on a 409 stale resourceVersion as controllers do. The read-modify writes start from the object the caller
// read just before (its snapshot), as a controller writes from its cache; only a 409 sends them to read again.
import { PatchStrategy, setHeaderOptions, type V1Deployment, type V1Service } from "@kubernetes/client-node";
import { AppError } from "@/lib/api/app-error";
import { callKubeApi, type KubeCallOptions } from "./call-kube-api";
import type { KubeClients } from "./kube-clients";
import { HTTP_ROUTE } from "./kube-names";
import type { HttpRouteObject } from "./read-kube-target";

const CONFLICT_RETRIES = 5;

/** Runs `write` again on a 409 Conflict (a stale resourceVersion), re-reading inside `write` each time. */
export async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict") || attempt >= CONFLICT_RETRIES) throw error;
    }
  }
}

export function patchDeployment(
  { clients, name, body, strategy }: { clients: KubeClients; name: string; body: object; strategy: "strategic" | "json" | "merge" },
  options: KubeCallOptions,
): Promise<V1Deployment> {
  const { namespace } = clients.config;
  const type = { strategic: PatchStrategy.StrategicMergePatch, json: PatchStrategy.JsonPatch, merge: PatchStrategy.MergePatch }[strategy];
  return callKubeApi(
    { verb: "patch", resource: "deployments", namespace, name },
    () => clients.apps.patchNamespacedDeployment({ name, namespace, body }, setHeaderOptions("Content-Type", type)),
    options,
  );
}

export function scaleDeployment(
  { clients, name, replicas }: { clients: KubeClients; name: string; replicas: number },
  options: KubeCallOptions,
) {
  return patchDeployment({ clients, name, body: { spec: { replicas } }, strategy: "merge" }, options);
}

/** Creates an object, treating AlreadyExists as done: a repeated step finds what the first one made. */
export async function createIfAbsent<T>(create: () => Promise<T>): Promise<T | null> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict" && /already exists/.test(error.message)) return null;
    throw error;
  }
}

/** The caller's copy for the first attempt, a fresh read for every attempt after a conflict. */
function firstThenRead<T>(known: T | undefined, read: () => Promise<T>): () => Promise<T> {
  let cached = known;
  return async () => {
    const value = cached ?? (await read());
    cached = undefined;
    return value;
  };
}

export function setServiceSelector(
  { clients, selector, known }: { clients: KubeClients; selector: Record<string, string>; known?: V1Service },
  options: KubeCallOptions,
): Promise<V1Service> {
  const { namespace, service } = clients.config;
  const name = service!;
  const read = firstThenRead(known, () =>
    callKubeApi(
      { verb: "get", resource: "services", namespace, name },
      () => clients.core.readNamespacedService({ name, namespace }),
      options,
    ),
  );
  return retryOnConflict(async () => {
    const current = await read();
    if (JSON.stringify(current.spec?.selector ?? {}) === JSON.stringify(selector)) return current;
    const body: V1Service = { ...current, spec: { ...current.spec, selector } };
    return callKubeApi(
      { verb: "update", resource: "services", namespace, name },
      () => clients.core.replaceNamespacedService({ name, namespace, body }),
      options,
    );
  });
}

export function setRouteBackends(
  {
    clients,
    backends,
    known,
  }: { clients: KubeClients; backends: { name: string; port: number; weight: number }[]; known?: HttpRouteObject },
  options: KubeCallOptions,
): Promise<HttpRouteObject> {
  const { namespace, httpRoute } = clients.config;
  const name = httpRoute!;
  const read = firstThenRead(
    known,
    () =>
      callKubeApi(
        { verb: "get", resource: "httproutes", namespace, name },
        () => clients.custom.getNamespacedCustomObject({ ...HTTP_ROUTE, namespace, name }),
        options,
      ) as Promise<HttpRouteObject>,
  );
  return retryOnConflict(async () => {
    const route = await read();
    const [first, ...rest] = route.spec.rules?.length ? route.spec.rules : [{}];
    const rules = [{ ...first, backendRefs: backends.map((b) => ({ kind: "Service", ...b })) }, ...rest];
    const body = { metadata: { resourceVersion: route.metadata.resourceVersion }, spec: { rules } };
    return callKubeApi(
      { verb: "patch", resource: "httproutes", namespace, name },
      () =>
        clients.custom.patchNamespacedCustomObject(
          { ...HTTP_ROUTE, namespace, name, body },
          setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
        ) as Promise<HttpRouteObject>,
      options,
    );
  });
}
