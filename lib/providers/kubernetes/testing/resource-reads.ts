// GET of one object and of lists (label/field selectors, limit/continue paging), answered as JSON or,
// when kubectl asks for one (`Accept: …;as=Table`), as the server-side Table it prints.
import { sendJson } from "./http-io";
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import { type RequestScope, listMatching, requireObject } from "./request-scope";
import { apiVersionOf } from "./resource-kinds";
import { toTable, wantsTable } from "./table-output";

/** Built-in list items carry no apiVersion/kind on the wire; custom resources' items do. */
function listItem(scope: RequestScope, object: KubeObject): KubeObject {
  if (scope.resource.isCustom) return object;
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  return rest as KubeObject;
}

type Page = { items: KubeObject[]; continueToken?: string; remaining?: number };

function paginate(scope: RequestScope, all: KubeObject[]): Page {
  const limit = Number(scope.query.get("limit") ?? 0);
  const token = scope.query.get("continue");
  let start = 0;
  if (token) {
    try {
      start = (JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { start: number }).start;
    } catch {
      throw kubeErrors.badRequest("continue key is not valid: illegal base64 data");
    }
  }
  if (!limit || limit <= 0) return { items: all.slice(start) };
  const items = all.slice(start, start + limit);
  const next = start + limit;
  if (next >= all.length) return { items };
  return { items, continueToken: Buffer.from(JSON.stringify({ start: next })).toString("base64url"), remaining: all.length - next };
}

export function handleGet(scope: RequestScope): void {
  const object = requireObject(scope);
  if (wantsTable(scope.req))
    return sendJson(
      scope.res,
      200,
      toTable({ resource: scope.resource, objects: [object], resourceVersion: object.metadata.resourceVersion }),
    );
  sendJson(scope.res, 200, object);
}

export function handleList(scope: RequestScope): void {
  const resourceVersion = scope.store.currentRv();
  const page = paginate(scope, listMatching(scope));
  const metadata = {
    resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remaining } : {}),
  };
  if (wantsTable(scope.req)) {
    return sendJson(scope.res, 200, { ...toTable({ resource: scope.resource, objects: page.items, resourceVersion }), metadata });
  }
  sendJson(scope.res, 200, {
    kind: `${scope.resource.kind}List`,
    apiVersion: apiVersionOf(scope.resource),
    metadata,
    items: page.items.map((item) => listItem(scope, item)),
  });
}
