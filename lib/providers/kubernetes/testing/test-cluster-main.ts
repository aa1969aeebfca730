// Entry point of a test cluster in a process of its own:
//   tsx lib/providers/kubernetes/testing/test-cluster-main.ts --state-dir DIR [--pod-mode process|simulated] [--port N] [--http-port N]
//     [--namespace NS]… [--no-http-route-crd] [--ready-delay-ms N]
// Prints one JSON line ({ url, httpUrl, user, token, adminToken, kubeconfigPath, pid }) once it serves, and stops
// everything (pods included) on SIGTERM or SIGINT.
import { parseArgs } from "node:util";
import { startTestCluster } from "./start-test-cluster";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "state-dir": { type: "string" },
      "pod-mode": { type: "string", default: "process" },
      port: { type: "string", default: "0" },
      "http-port": { type: "string", default: "0" },
      namespace: { type: "string", multiple: true, default: [] },
      "no-http-route-crd": { type: "boolean", default: false },
      "ready-delay-ms": { type: "string" },
    },
  });
  const podMode = values["pod-mode"];
  if (!values["state-dir"] || (podMode !== "process" && podMode !== "simulated")) {
    console.error(
      "usage: test-cluster-main.ts --state-dir DIR [--pod-mode process|simulated] [--port N] [--http-port N] [--namespace NS]… [--no-http-route-crd]",
    );
    process.exit(2);
  }
  const cluster = await startTestCluster({
    stateDir: values["state-dir"],
    podMode,
    port: Number(values.port),
    httpPort: Number(values["http-port"]),
    namespaces: values.namespace,
    httpRouteCrd: !values["no-http-route-crd"],
    simulatedReadyDelayMs: values["ready-delay-ms"] ? Number(values["ready-delay-ms"]) : undefined,
  });
  const { url, httpUrl, user, token, adminToken, kubeconfigPath } = cluster;
  console.log(JSON.stringify({ url, httpUrl, user, token, adminToken, kubeconfigPath, pid: process.pid }));
  // A second signal (a wrapper forwarding it, an impatient Ctrl-C) must not cut the pods' shutdown short.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`test cluster: ${signal}, stopping`);
    void cluster.stop().then(() => process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main();
