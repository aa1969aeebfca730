// create (POST), replace (PUT), patch (JSON patch, merge patch, strategic merge patch) and delete, with
// optimistic concurrency on resourceVersion and dryRun=All. Deletion cascades in the background unless
// propagationPolicy is Orphan; pods are deleted gracefully (the kubelet stops the container first).
import { readJson, sendJson } from "./http-io";
import { applyJsonPatch } from "./json-patch";
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import { applyMergePatch } from "./merge-patch";
import { kubeTime, randomSuffix } from "./object-store";
import { isDryRun, prepareWrite } from "./prepare-write";
import { type RequestScope, listMatching, requireNamespace, requireObject } from "./request-scope";
import { RESOURCE_KINDS, apiVersionOf } from "./resource-kinds";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

const JSON_PATCH = "application/json-patch+json";
const MERGE_PATCH = "application/merge-patch+json";
const STRATEGIC = "application/strategic-merge-patch+json";
const APPLY = "application/apply-patch+yaml";

export async function handleCreate(scope: RequestScope): Promise<void> {
  requireNamespace(scope);
  const object = prepareWrite(scope, await readJson(scope.req));
  if (isDryRun(scope)) {
    const name = object.metadata.name || `${object.metadata.generateName ?? ""}${randomSuffix()}`;
    return sendJson(scope.res, 201, { ...object, metadata: { ...object.metadata, name, creationTimestamp: kubeTime() } });
  }
  sendJson(scope.res, 201, scope.store.create(scope.resource, object));
}

export async function handleReplace(scope: RequestScope): Promise<void> {
  const current = requireObject(scope);
  const object = prepareWrite(scope, await readJson(scope.req), current);
  if (isDryRun(scope)) return sendJson(scope.res, 200, object);
  sendJson(scope.res, 200, scope.store.update(scope.resource, object));
}

export function applyPatch(scope: RequestScope, current: unknown, patch: unknown): unknown {
  const type = (scope.req.headers["content-type"] ?? "").split(";")[0]!.trim();
  const accepted = scope.resource.isCustom ? [JSON_PATCH, MERGE_PATCH, APPLY] : [JSON_PATCH, MERGE_PATCH, STRATEGIC, APPLY];
  if (type === JSON_PATCH) return applyJsonPatch(current, patch);
  if (type === MERGE_PATCH) return applyMergePatch(current, patch);
  if (type === STRATEGIC && !scope.resource.isCustom) return applyStrategicMergePatch(current, patch);
  if (type === APPLY) throw kubeErrors.unsupportedMediaType(accepted.filter((t) => t !== APPLY)); // server-side apply: not served here
  throw kubeErrors.unsupportedMediaType(accepted);
}

export async function handlePatch(scope: RequestScope): Promise<void> {
  const current = requireObject(scope);
  const patched = applyPatch(scope, current, await readJson(scope.req)) as KubeObject;
  const object = prepareWrite(scope, patched, current);
  object.metadata.resourceVersion = patched.metadata?.resourceVersion ?? current.metadata.resourceVersion;
  if (isDryRun(scope)) return sendJson(scope.res, 200, object);
  sendJson(scope.res, 200, scope.store.update(scope.resource, object));
}

type DeleteOptions = {
  propagationPolicy?: string;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
};

async function deleteOptions(scope: RequestScope): Promise<DeleteOptions> {
  const text = scope.req.headers["content-length"] === "0" ? "" : await readJson(scope.req).catch(() => ({}));
  const body = (text && typeof text === "object" ? text : {}) as DeleteOptions;
  const policy = scope.query.get("propagationPolicy") ?? body.propagationPolicy;
  const grace = scope.query.get("gracePeriodSeconds") ?? body.gracePeriodSeconds;
  return { ...body, propagationPolicy: policy ?? "Background", gracePeriodSeconds: grace === undefined ? undefined : Number(grace) };
}

function deleteOne(scope: RequestScope, object: KubeObject, options: DeleteOptions): KubeObject | undefined {
  const { store, resource } = scope;
  const pre = options.preconditions;
  if ((pre?.uid && pre.uid !== object.metadata.uid) || (pre?.resourceVersion && pre.resourceVersion !== object.metadata.resourceVersion)) {
    throw kubeErrors.conflict(resource, object.metadata.name);
  }
  if (isDryRun(scope)) return object;
  if (options.propagationPolicy === "Orphan") {
    for (const kind of RESOURCE_KINDS) {
      for (const dependent of store.listOwned(kind, object.metadata.uid)) {
        const refs = dependent.metadata.ownerReferences?.filter((r) => r.uid !== object.metadata.uid);
        store.update(kind, {
          ...structuredClone(dependent),
          metadata: { ...dependent.metadata, ownerReferences: refs?.length ? refs : undefined },
        });
      }
    }
  }
  if (resource.kind === "Pod" && options.gracePeriodSeconds !== 0 && !object.metadata.deletionTimestamp) {
    return store.update(resource, {
      ...structuredClone(object),
      metadata: { ...object.metadata, deletionTimestamp: kubeTime(), deletionGracePeriodSeconds: 30 } as KubeObject["metadata"],
    });
  }
  store.delete(resource, object.metadata.namespace, object.metadata.name);
  return undefined;
}

export async function handleDelete(scope: RequestScope): Promise<void> {
  const object = requireObject(scope);
  const remaining = deleteOne(scope, object, await deleteOptions(scope));
  if (remaining) return sendJson(scope.res, 200, remaining);
  const { resource } = scope;
  sendJson(scope.res, 200, {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: {
      name: object.metadata.name,
      ...(resource.group ? { group: resource.group } : {}),
      kind: resource.plural,
      uid: object.metadata.uid,
    },
  });
}

export async function handleDeleteCollection(scope: RequestScope): Promise<void> {
  const options = await deleteOptions(scope);
  const deleted = listMatching(scope).map((object) => deleteOne(scope, object, options) ?? object);
  sendJson(scope.res, 200, {
    kind: `${scope.resource.kind}List`,
    apiVersion: apiVersionOf(scope.resource),
    metadata: { resourceVersion: scope.store.currentRv() },
    items: deleted,
  });
}
