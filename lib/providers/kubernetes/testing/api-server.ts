// The request pipeline of the API server: gateway and admin paths first, then authentication (bearer
// token → user, else 401), discovery, the path's resource (404 page if nothing serves it), injected
// 429/5xx, RBAC refusals (403 naming verb, resource and namespace), and the handler for the verb.
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAccessReview } from "./access-review";
import { ADMIN_PREFIX } from "./admin-api";
import type { ClusterFaults } from "./cluster-faults";
import { discoveryDocument } from "./discovery";
import { GATEWAY_PREFIX, type GatewayProxy } from "./gateway-proxy";
import { sendError, sendJson, sendNotFoundPage } from "./http-io";
import { KubeStatusError, kubeErrors } from "./kube-status-error";
import type { ObjectStore } from "./object-store";
import { openApiDocument } from "./openapi-documents";
import { type ApiTarget, parseApiPath } from "./parse-api-path";
import type { RequestScope } from "./request-scope";
import { findResource } from "./resource-kinds";
import { handleGet, handleList } from "./resource-reads";
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleReplace } from "./resource-writes";
import { handleWatch } from "./serve-watch";
import type { ServiceProxy } from "./service-proxy";
import { handleSubresource } from "./subresource-handlers";

export type ApiServerParts = {
  store: ObjectStore;
  faults: ClusterFaults;
  services: ServiceProxy;
  gateway: GatewayProxy;
  /** Bearer token → user name. */
  users: Map<string, string>;
  admin: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
  trackStream: RequestScope["trackStream"];
  bookmarkIntervalMs: number;
};

const METHOD_VERBS: Record<string, string> = { POST: "create", PUT: "update", PATCH: "patch", DELETE: "delete", GET: "get" };

function verbOf(method: string, target: ApiTarget, query: URLSearchParams): string | undefined {
  if (method === "GET" && !target.name) return ["true", "1"].includes(query.get("watch") ?? "") ? "watch" : "list";
  if (method === "DELETE" && !target.name) return "deletecollection";
  if ((method === "PUT" || method === "PATCH") && !target.name) return undefined;
  if (method === "POST" && target.name && target.subresource !== "proxy") return undefined;
  return METHOD_VERBS[method];
}

// What an API server (or the load balancer in front of it) answers with each status.
const FAILURES: Record<number, [string, string]> = {
  500: ["InternalError", "Internal error occurred: injected by the test cluster"],
  502: ["InternalError", "the server responded with the status code 502 but did not return more information"],
  503: ["ServiceUnavailable", "the server is currently unable to handle the request"],
  504: ["Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"],
};

function injectedFailure(status: number): KubeStatusError {
  const [reason, message] = FAILURES[status] ?? FAILURES[500]!;
  return new KubeStatusError(status, reason, message);
}

function dispatch(scope: RequestScope, verb: string, services: ServiceProxy): unknown {
  const { target, resource } = scope;
  if (resource.kind === "SelfSubjectAccessReview") return handleAccessReview(scope);
  if (target.subresource === "proxy" && (resource.kind === "Service" || resource.kind === "Pod")) {
    const input = {
      req: scope.req,
      res: scope.res,
      namespace: target.namespace ?? "default",
      spec: target.name!,
      path: target.proxyPath ?? "/",
      search: scope.query.size ? `?${scope.query}` : "",
    };
    return resource.kind === "Service" ? services.toService(input) : services.toPod(input);
  }
  if (target.subresource) return handleSubresource(scope);
  const handlers: Record<string, (s: RequestScope) => unknown> = {
    get: handleGet,
    list: handleList,
    watch: handleWatch,
    create: handleCreate,
    update: handleReplace,
    patch: handlePatch,
    delete: handleDelete,
    deletecollection: handleDeleteCollection,
  };
  return handlers[verb]!(scope);
}

async function handle(parts: ApiServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://test-cluster");
  if (url.pathname.startsWith(GATEWAY_PREFIX)) return parts.gateway.handle(req, res, url);
  if (url.pathname.startsWith(ADMIN_PREFIX)) return parts.admin(req, res, url);
  if (["/healthz", "/livez", "/readyz"].includes(url.pathname)) return void res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  const user = token ? parts.users.get(token) : undefined;
  if (!user && !(url.pathname === "/version" && !token)) throw kubeErrors.unauthorized();
  const serverAddress = req.headers.host ?? "127.0.0.1";
  const discovery = discoveryDocument({ pathname: url.pathname, includeHttpRoutes: parts.faults.httpRouteCrdInstalled, serverAddress });
  if (discovery) return sendJson(res, 200, discovery);
  const openApi = openApiDocument({ pathname: url.pathname, includeHttpRoutes: parts.faults.httpRouteCrdInstalled });
  if (openApi) return sendJson(res, 200, openApi);
  const target = parseApiPath(url.pathname);
  const resource = target && findResource(target);
  if (!target || !resource || (resource.kind === "HTTPRoute" && !parts.faults.httpRouteCrdInstalled)) return sendNotFoundPage(res);
  if (target.namespace && !resource.namespaced) return sendNotFoundPage(res);
  const verb = verbOf(req.method ?? "GET", target, url.searchParams);
  if (!verb || (!resource.verbs.includes(verb) && target.subresource !== "proxy"))
    throw kubeErrors.methodNotAllowed(`the server does not allow this method on the requested resource`);
  const facts = { user: user!, verb, resource: resource.plural, subresource: target.subresource, namespace: target.namespace };
  const failure = parts.faults.takeFailure(facts);
  if (failure?.status === 429) throw kubeErrors.tooManyRequests(failure.retryAfterSeconds);
  if (failure) throw injectedFailure(failure.status);
  if (parts.faults.isDenied(facts))
    throw kubeErrors.forbidden({
      resource,
      name: target.name,
      namespace: target.namespace,
      user: user!,
      verb,
      subresource: target.subresource,
    });
  // Bodies are JSON only: client-go falls back to JSON when a server answers protobuf with 415.
  if ((req.headers["content-type"] ?? "").includes("protobuf"))
    throw kubeErrors.unsupportedMediaType(["application/json", "application/yaml"]);
  const scope: RequestScope = {
    req,
    res,
    resource,
    target,
    query: url.searchParams,
    user: user!,
    store: parts.store,
    faults: parts.faults,
    trackStream: parts.trackStream,
    bookmarkIntervalMs: parts.bookmarkIntervalMs,
  };
  await dispatch(scope, verb, parts.services);
}

export function createApiHandler(parts: ApiServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error) => sendError(res, error));
  };
}
