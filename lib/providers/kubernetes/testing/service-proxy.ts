// The API server's proxy subresources: /api/v1/namespaces/{ns}/services/{[scheme:]name[:port]}/proxy/{path}
// spreads requests round-robin over the Service's ready endpoints (pods its selector picks), and
// /api/v1/namespaces/{ns}/pods/{name[:port]}/proxy/{path} reaches one pod. Both reach the real processes.
import { Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { sendError } from "./http-io";
import { kubeErrors } from "./kube-status-error";
import type { Pod, Service, ServicePort } from "./kube-types";
import type { Kubelet } from "./kubelet";
import type { ObjectStore } from "./object-store";
import type { PodEndpoint } from "./pod-runtime";
import { resourceOfKind } from "./resource-kinds";
import { matchesRequirements, selectorRequirements } from "./selectors";

const services = resourceOfKind("Service");
const pods = resourceOfKind("Pod");
// Hop-by-hop headers and the caller's credentials stay at the proxy.
const DROPPED = new Set(["authorization", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host"]);

export type ProxyRequest = { req: IncomingMessage; res: ServerResponse; namespace: string; path: string; search: string };

function isReady(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True") === true;
}

export class ServiceProxy {
  private readonly cursors = new Map<string, number>();
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly options: { store: ObjectStore; kubelet: Kubelet }) {}

  /** `name`, `name:port` or `scheme:name:port`, the port by name or number. */
  toService(input: ProxyRequest & { spec: string }): void {
    const parts = input.spec.split(":");
    const name = parts.length === 3 ? parts[1]! : parts[0]!;
    const portKey = parts.length === 3 ? parts[2]! : parts[1];
    const service = this.options.store.get(services, input.namespace, name) as Service | undefined;
    if (!service) return sendError(input.res, kubeErrors.notFound(services, name));
    const port = (service.spec.ports ?? []).find((p) => !portKey || p.name === portKey || String(p.port) === portKey);
    if (!port) return sendError(input.res, kubeErrors.unavailable(`no endpoints available for service "${input.spec}"`));
    const ready = this.readyPods(service);
    if (ready.length === 0) return sendError(input.res, kubeErrors.unavailable(`no endpoints available for service "${name}"`));
    const key = `${input.namespace}/${name}`;
    const cursor = this.cursors.get(key) ?? 0;
    this.cursors.set(key, cursor + 1);
    this.forward(input, ready[cursor % ready.length]!, port);
  }

  toPod(input: ProxyRequest & { spec: string }): void {
    const [name] = input.spec.split(":");
    const pod = this.options.store.get(pods, input.namespace, name!) as Pod | undefined;
    if (!pod) return sendError(input.res, kubeErrors.notFound(pods, name!));
    this.forward(input, pod);
  }

  readyPods(service: Service): Pod[] {
    if (!service.spec.selector) return [];
    const wanted = selectorRequirements({ matchLabels: service.spec.selector });
    return (this.options.store.list(pods, service.metadata.namespace) as Pod[])
      .filter((pod) => isReady(pod) && matchesRequirements(pod.metadata.labels, wanted))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }

  close(): void {
    this.agent.destroy();
  }

  private forward(input: ProxyRequest, pod: Pod, port?: ServicePort): void {
    const endpoint = this.options.kubelet.endpointOf(pod.metadata.namespace!, pod.metadata.name);
    const target = `${pod.status?.podIP ?? "<none>"}:${port?.targetPort ?? pod.spec.containers[0]?.ports?.[0]?.containerPort ?? 80}`;
    if (!endpoint)
      return sendError(input.res, kubeErrors.unavailable(`error trying to reach service: dial tcp ${target}: connect: connection refused`));
    this.send(input, endpoint, target);
  }

  private send({ req, res, path, search }: ProxyRequest, endpoint: PodEndpoint, target: string): void {
    if (endpoint.kind === "simulated") return endpoint.serve(req, res, `${path}${search}`);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !DROPPED.has(name)));
    const upstream = request(
      { host: "127.0.0.1", port: endpoint.port, method: req.method, path: `${path}${search}`, headers, agent: this.agent },
      (answer) => {
        res.writeHead(
          answer.statusCode ?? 502,
          Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !DROPPED.has(name))) as Record<string, string>,
        );
        answer.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (res.headersSent) return void res.destroy();
      sendError(res, kubeErrors.unavailable(`error trying to reach service: dial tcp ${target}: ${error.message}`));
    });
    req.pipe(upstream);
  }
}
