// A minimal OpenAPI v3 for kubectl: `kubectl create`/`replace` download it to learn whether the server does
// field validation (a `fieldValidation` query parameter on each kind's PATCH) and then validate server-side.
// It lists operations and parameters, not schemas: clients that need schemas (client-side apply) get none.
import { type ResourceKind, RESOURCE_KINDS, apiVersionOf } from "./resource-kinds";
import { SERVER_VERSION } from "./discovery";

const QUERY = (name: string) => ({ name, in: "query", schema: { type: "string", uniqueItems: true } });

function operationsFor(resource: ResourceKind) {
  const gvk = { "x-kubernetes-group-version-kind": { group: resource.group, version: resource.version, kind: resource.kind } };
  const ok = { responses: { "200": { description: "OK" } } };
  const base = `/${resource.group ? `apis/${apiVersionOf(resource)}` : "api/v1"}${resource.namespaced ? "/namespaces/{namespace}" : ""}/${resource.plural}`;
  const writeParams = ["dryRun", "fieldManager", "fieldValidation"].map(QUERY);
  return {
    [base]: {
      get: {
        ...gvk,
        ...ok,
        "x-kubernetes-action": "list",
        parameters: ["labelSelector", "fieldSelector", "resourceVersion", "watch", "limit", "continue"].map(QUERY),
      },
      post: { ...gvk, ...ok, "x-kubernetes-action": "post", parameters: writeParams },
    },
    [`${base}/{name}`]: {
      get: { ...gvk, ...ok, "x-kubernetes-action": "get" },
      put: { ...gvk, ...ok, "x-kubernetes-action": "put", parameters: writeParams },
      patch: { ...gvk, ...ok, "x-kubernetes-action": "patch", parameters: [...writeParams, QUERY("force")] },
      delete: {
        ...gvk,
        ...ok,
        "x-kubernetes-action": "delete",
        parameters: [QUERY("dryRun"), QUERY("propagationPolicy"), QUERY("gracePeriodSeconds")],
      },
    },
  };
}

function groupVersionPath(resource: ResourceKind): string {
  return resource.group ? `apis/${apiVersionOf(resource)}` : "api/v1";
}

/** `/openapi/v3` (the index) or `/openapi/v3/{api/v1 | apis/group/version}`; undefined for anything else. */
export function openApiDocument({ pathname, includeHttpRoutes }: { pathname: string; includeHttpRoutes: boolean }): unknown {
  const kinds = RESOURCE_KINDS.filter((r) => includeHttpRoutes || r.kind !== "HTTPRoute");
  if (pathname === "/openapi/v3" || pathname === "/openapi/v3/") {
    const paths = [...new Set(kinds.map(groupVersionPath))].map((gv) => [
      gv,
      { serverRelativeURL: `/openapi/v3/${gv}?hash=${SERVER_VERSION.gitCommit}` },
    ]);
    return { paths: Object.fromEntries(paths) };
  }
  const gv = pathname.replace(/^\/openapi\/v3\//, "");
  const inGroup = kinds.filter((r) => groupVersionPath(r) === gv);
  if (!pathname.startsWith("/openapi/v3/") || inGroup.length === 0) return undefined;
  return {
    openapi: "3.0.0",
    info: { title: "Kubernetes", version: SERVER_VERSION.gitVersion },
    paths: Object.assign({}, ...inGroup.map(operationsFor)),
    components: { schemas: {} },
  };
}
