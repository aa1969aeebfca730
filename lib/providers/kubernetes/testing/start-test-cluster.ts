// Starts the Kubernetes API test cluster in this process: the API server on 127.0.0.1, the deployment and
// replicaset controllers, the garbage collector, and a kubelet whose pods are real processes of the sample
// service ("process") or simulations ("simulated", for benches). Writes <stateDir>/kubeconfig.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ADMIN_PREFIX, createAdminApi } from "./admin-api";
import { createApiHandler } from "./api-server";
import { ClusterFaults, type FaultControls, localFaultControls } from "./cluster-faults";
import { DeploymentController } from "./deployment-controller";
import { GATEWAY_PREFIX, GatewayProxy } from "./gateway-proxy";
import { startGarbageCollector } from "./garbage-collector";
import { buildKubeconfig } from "./kubeconfig";
import { Kubelet } from "./kubelet";
import { ObjectStore } from "./object-store";
import { createProcessPodRuntime } from "./process-pod-runtime";
import { ReplicaSetController } from "./replica-set-controller";
import { resourceOfKind } from "./resource-kinds";
import { serveHttpAndHttps } from "./serve-http-and-https";
import { ServiceProxy } from "./service-proxy";
import { createSimulatedPodRuntime } from "./simulated-pod-runtime";

export type TestClusterOptions = {
  /** The TLS port the kubeconfig names; 0 or absent: a free port. */
  port?: number;
  /** The plain-HTTP port (gateway traffic, quick checks); 0 or absent: a free port. */
  httpPort?: number;
  stateDir: string;
  podMode: "process" | "simulated";
  /** Simulated pods turn ready this long after they start (default 300 ms). */
  simulatedReadyDelayMs?: number;
  /** Namespaces that exist from the start, besides default, kube-system and kube-public. */
  namespaces?: string[];
  user?: string;
  token?: string;
  /** Whether the HTTPRoute CRD (gateway.networking.k8s.io/v1) is installed at start (default true). */
  httpRouteCrd?: boolean;
  bookmarkIntervalMs?: number;
  /** Process mode: the command each pod runs (default: the sample service through tsx). */
  podCommand?: string[];
};

export type TestCluster = {
  /** https://127.0.0.1:<port>: what the kubeconfig names. */
  url: string;
  /** http://127.0.0.1:<httpPort>, the same API without TLS (gateway traffic, quick checks; kubectl sends no token over it). */
  httpUrl: string;
  /** The self-signed certificate the server presents, PEM: the kubeconfig's certificate authority. */
  caPem: string;
  user: string;
  token: string;
  /** Authorizes the fault admin API (`/_testcluster/faults/…`); not a cluster credential. */
  adminToken: string;
  kubeconfig: string;
  kubeconfigPath: string;
  faults: FaultControls;
  store: ObjectStore;
  /** Ends watches, stops every pod (process groups included) and closes the server. */
  stop: () => Promise<void>;
};

function seedNamespaces(store: ObjectStore, names: string[]): void {
  const namespaces = resourceOfKind("Namespace");
  for (const name of new Set(["default", "kube-system", "kube-public", ...names])) {
    store.create(namespaces, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    } as never);
  }
}

/** The cluster's own CPU time (the process's: a spawned cluster is alone in it), for benches' CPU per request. */
const cpuMsOf = (usage: NodeJS.CpuUsage) => Math.round((usage.user + usage.system) / 1000);

export async function startTestCluster(options: TestClusterOptions): Promise<TestCluster> {
  mkdirSync(options.stateDir, { recursive: true });
  const store = new ObjectStore();
  seedNamespaces(store, options.namespaces ?? []);
  const httpRoutes = resourceOfKind("HTTPRoute");
  const faults = new ClusterFaults({
    httpRouteCrd: options.httpRouteCrd ?? true,
    // Deleting a CRD deletes every object of it.
    onCrdChange: (installed) => {
      if (!installed) for (const route of store.list(httpRoutes)) store.delete(httpRoutes, route.metadata.namespace, route.metadata.name);
    },
  });
  const runtime =
    options.podMode === "process"
      ? createProcessPodRuntime({ command: options.podCommand })
      : createSimulatedPodRuntime({ readyDelayMs: options.simulatedReadyDelayMs ?? 300 });
  const kubelet = new Kubelet({ store, runtime, stateDir: options.stateDir, isNeverReady: (pod) => faults.isNeverReady(pod) });
  const controllers = [new DeploymentController(store), new ReplicaSetController(store)];
  const stopCollector = startGarbageCollector(store);
  const services = new ServiceProxy({ store, kubelet });
  const gateway = new GatewayProxy({ store, services, isRouteCrdInstalled: () => faults.httpRouteCrdInstalled });
  const user = options.user ?? "flightdeck-test";
  const token = options.token ?? randomBytes(24).toString("base64url");
  const adminToken = randomBytes(24).toString("base64url");
  const streams = new Set<() => void>();
  let apiRequests = 0;
  const apiHandler = createApiHandler({
    store,
    faults,
    services,
    gateway,
    users: new Map([[token, user]]),
    admin: createAdminApi({
      faults,
      adminToken,
      stats: () => ({ apiRequests, tlsHandshakes: server.tlsHandshakes(), cpuMs: cpuMsOf(process.cpuUsage()) }),
    }),
    trackStream: (end) => (streams.add(end), () => streams.delete(end)),
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 5_000,
  });
  const handler: typeof apiHandler = (req, res) => {
    if (!req.url?.startsWith(ADMIN_PREFIX) && !req.url?.startsWith(GATEWAY_PREFIX)) apiRequests += 1;
    apiHandler(req, res);
  };
  const server = await serveHttpAndHttps({ port: options.port ?? 0, httpPort: options.httpPort ?? 0, stateDir: options.stateDir, handler });
  const url = `https://127.0.0.1:${server.port}`;
  const httpUrl = `http://127.0.0.1:${server.httpPort}`;
  const kubeconfig = buildKubeconfig({ url, caPem: server.caPem, token, user });
  const kubeconfigPath = path.join(options.stateDir, "kubeconfig");
  writeFileSync(kubeconfigPath, kubeconfig, { mode: 0o600 });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const controller of controllers) controller.queue.stop();
      stopCollector();
      for (const end of [...streams]) end();
      await kubelet.stopAll();
      services.close();
      await server.close();
    })());
  return {
    url,
    httpUrl,
    caPem: server.caPem,
    user,
    token,
    adminToken,
    kubeconfig,
    kubeconfigPath,
    faults: localFaultControls(faults),
    store,
    stop,
  };
}
