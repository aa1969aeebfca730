// The test cluster's Gateway: traffic for an HTTPRoute enters at `/gateway/{namespace}/{route}/{path}` on
// the API server's port (no credentials, like a real gateway's listener). The first rule whose path match
// fits takes the request, and its backendRefs share the traffic by weight (smooth weighted round-robin, so a
// 10 % weight gets 10 % of any 100 requests), each backend Service reached as the service proxy reaches it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createWeightedRoundRobin, type WeightedRoundRobin } from "../../local/weighted-round-robin";
import { sendError, sendNotFoundPage } from "./http-io";
import { kubeErrors } from "./kube-status-error";
import type { BackendRef, HttpRoute } from "./kube-types";
import type { ObjectStore } from "./object-store";
import { resourceOfKind } from "./resource-kinds";
import type { ServiceProxy } from "./service-proxy";

const httpRoutes = resourceOfKind("HTTPRoute");
export const GATEWAY_PREFIX = "/gateway/";

type Rule = NonNullable<HttpRoute["spec"]["rules"]>[number];

function ruleMatches(rule: Rule, path: string): boolean {
  return (rule.matches ?? [{ path: { type: "PathPrefix", value: "/" } }]).some((match) => {
    const value = match.path?.value ?? "/";
    if (match.path?.type === "Exact") return path === value;
    return value === "/" || path === value || path.startsWith(value.endsWith("/") ? value : `${value}/`);
  });
}

export class GatewayProxy {
  // One picker per route version and rule: a new weight split starts a new sequence.
  private readonly pickers = new Map<string, WeightedRoundRobin<BackendRef>>();

  constructor(private readonly options: { store: ObjectStore; services: ServiceProxy; isRouteCrdInstalled: () => boolean }) {}

  handle(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const [namespace, name, ...rest] = url.pathname.slice(GATEWAY_PREFIX.length).split("/");
    if (!this.options.isRouteCrdInstalled() || !namespace || !name) return sendNotFoundPage(res);
    const route = this.options.store.get(httpRoutes, namespace, name) as HttpRoute | undefined;
    if (!route) return sendError(res, kubeErrors.notFound(httpRoutes, name));
    const path = `/${rest.join("/")}`;
    const index = (route.spec.rules ?? []).findIndex((rule) => ruleMatches(rule, path));
    const rule = route.spec.rules?.[index];
    if (!rule) return sendNotFoundPage(res);
    const backend = this.pickerFor(route, index, rule).next();
    if (!backend) return sendError(res, kubeErrors.internal(`HTTPRoute ${name} has no backend with a weight above 0`));
    const spec = backend.port ? `${backend.name}:${backend.port}` : backend.name;
    this.options.services.toService({ req, res, namespace: backend.namespace ?? namespace, path, search: url.search, spec });
  }

  private pickerFor(route: HttpRoute, index: number, rule: Rule): WeightedRoundRobin<BackendRef> {
    const key = `${route.metadata.uid}/${route.metadata.resourceVersion}/${index}`;
    let picker = this.pickers.get(key);
    if (!picker) {
      const current = `${route.metadata.uid}/${route.metadata.resourceVersion}/`;
      for (const old of this.pickers.keys())
        if (old.startsWith(`${route.metadata.uid}/`) && !old.startsWith(current)) this.pickers.delete(old);
      picker = createWeightedRoundRobin((rule.backendRefs ?? []).map((ref) => ({ value: ref, weight: ref.weight ?? 1 })));
      this.pickers.set(key, picker);
    }
    return picker;
  }
}
