// `kubectl proxy` inside the worker: a loopback HTTP listener that forwards to the API server with the
// target's credentials, so a smoke run (which sends no Kubernetes token) can reach a revision through the
// API server's service proxy path. Only `/api/v1/namespaces/{ns}/services|pods/{name}/proxy/…` passes
// (kubectl proxy's --accept-paths, narrowed): the listener grants no other API access to what reaches it.
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import type { KubeConfig } from "@kubernetes/client-node";

const ACCEPTED = /^\/api\/v1\/namespaces\/[a-z0-9-]+\/(services|pods)\/[^/]+\/proxy(\/|$|\?)/;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "host", "authorization"]);

export type ApiProxy = { url: string; close: () => Promise<void> };

export async function startApiProxy(kc: KubeConfig): Promise<ApiProxy> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig names no cluster");
  const upstream = new URL(cluster.server);
  const options: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(options);
  const client = upstream.protocol === "https:" ? https : http;
  const agent = new client.Agent({ keepAlive: true, maxSockets: 64, ca: options.ca, cert: options.cert, key: options.key });
  const server = http.createServer((req, res) => {
    if (!ACCEPTED.test(req.url ?? "")) {
      res.writeHead(403, { "content-type": "text/plain" }).end("Forbidden: only service and pod proxy paths pass here\n");
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k)));
    const forwarded = client.request(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        path: `${upstream.pathname.replace(/\/$/, "")}${req.url}`,
        method: req.method,
        agent,
        headers: { ...headers, ...(options.headers as Record<string, string>) },
        auth: options.auth,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`API server unreachable: ${error.message}\n`);
    });
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (agent.destroy(), server.closeAllConnections(), server.close(() => resolve()))),
  };
}
