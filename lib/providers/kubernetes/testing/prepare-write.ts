// What every write does to the object it is given before storing it: the request's identity wins over the
// body's (kind, namespace, name), system fields are not the client's to set, the main resource of a kind with
// a status subresource keeps its stored status, defaults are filled in, and the result is validated.
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import { applyDefaults } from "./object-defaults";
import type { RequestScope } from "./request-scope";
import { apiVersionOf } from "./resource-kinds";
import { validateObject } from "./validate-object";

/** Decoding into typed objects drops nulls (`creationTimestamp: null` in a pod template is no field at all). */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, dropNulls(v)]])));
}

export function prepareWrite(scope: RequestScope, input: unknown, previous?: KubeObject): KubeObject {
  const { resource, target } = scope;
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw kubeErrors.badRequest("the body of the request must be a JSON object");
  const object = dropNulls(input) as KubeObject;
  if (object.kind && object.kind !== resource.kind) {
    throw kubeErrors.badRequest(
      `the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(resource)}) or kind ${object.kind} is not ${resource.kind}`,
    );
  }
  object.apiVersion = apiVersionOf(resource);
  object.kind = resource.kind;
  object.metadata = { ...(object.metadata ?? {}) } as KubeObject["metadata"];
  if (resource.namespaced) {
    if (object.metadata.namespace && object.metadata.namespace !== target.namespace) {
      throw kubeErrors.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    object.metadata.namespace = target.namespace;
  }
  if (previous) {
    if (object.metadata.name && object.metadata.name !== previous.metadata.name) {
      throw kubeErrors.badRequest(
        `the name of the object (${object.metadata.name}) does not match the name on the URL (${previous.metadata.name})`,
      );
    }
    object.metadata.name = previous.metadata.name;
    if (resource.subresources.includes("status") || !resource.isCustom) object.status = structuredClone(previous.status);
    if (previous.metadata.deletionTimestamp) object.metadata.deletionTimestamp = previous.metadata.deletionTimestamp;
  } else {
    object.metadata.resourceVersion = "";
    delete object.status;
    delete object.metadata.deletionTimestamp;
  }
  applyDefaults(object);
  validateObject({ resource, object, previous });
  return object;
}

export function isDryRun(scope: RequestScope): boolean {
  return scope.query.getAll("dryRun").includes("All");
}
