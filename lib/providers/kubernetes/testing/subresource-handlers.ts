// The `status` and `scale` subresources. Writes to status change only status (never generation); scale is
// the autoscaling/v1 Scale view of spec.replicas that `kubectl scale` and autoscalers use.
import { readJson, sendJson } from "./http-io";
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import { isDryRun, prepareWrite } from "./prepare-write";
import { type RequestScope, requireObject } from "./request-scope";
import { applyPatch } from "./resource-writes";
import { formatSelector } from "./selectors";

function toScale(object: KubeObject) {
  const { name, namespace, uid, resourceVersion, creationTimestamp } = object.metadata;
  const spec = object.spec as { replicas?: number; selector?: Parameters<typeof formatSelector>[0] };
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: {
      replicas: Number((object.status as { replicas?: number } | undefined)?.replicas ?? 0),
      selector: formatSelector(spec.selector),
    },
  };
}

function save(scope: RequestScope, object: KubeObject): KubeObject {
  return isDryRun(scope) ? object : scope.store.update(scope.resource, object);
}

async function handleStatus(scope: RequestScope, current: KubeObject): Promise<void> {
  const method = scope.req.method;
  if (method === "GET") return sendJson(scope.res, 200, current);
  const body = await readJson(scope.req);
  const incoming = (method === "PATCH" ? applyPatch(scope, current, body) : body) as KubeObject;
  const next = structuredClone(current);
  next.status = structuredClone(incoming.status);
  next.metadata.resourceVersion = incoming.metadata?.resourceVersion || current.metadata.resourceVersion;
  sendJson(scope.res, 200, save(scope, next));
}

async function handleScale(scope: RequestScope, current: KubeObject): Promise<void> {
  const method = scope.req.method;
  if (method === "GET") return sendJson(scope.res, 200, toScale(current));
  const body = await readJson(scope.req);
  const scale = (method === "PATCH" ? applyPatch(scope, toScale(current), body) : body) as ReturnType<typeof toScale>;
  const replicas = scale.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    throw kubeErrors.invalid(scope.resource, current.metadata.name, [
      { reason: "FieldValueInvalid", message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: "spec.replicas" },
    ]);
  }
  const next = prepareWrite(scope, { ...structuredClone(current), spec: { ...current.spec, replicas } }, current);
  next.metadata.resourceVersion = scale.metadata?.resourceVersion || current.metadata.resourceVersion;
  sendJson(scope.res, 200, toScale(save(scope, next)));
}

export async function handleSubresource(scope: RequestScope): Promise<void> {
  const current = requireObject(scope);
  const sub = scope.target.subresource;
  if (sub === "status" && scope.resource.subresources.includes("status")) return handleStatus(scope, current);
  if (sub === "scale" && scope.resource.subresources.includes("scale")) return handleScale(scope, current);
  throw kubeErrors.notFound(scope.resource, `${current.metadata.name}/${sub}`);
}
