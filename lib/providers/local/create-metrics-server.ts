// The supervisor's metrics port: GET /metrics in the Prometheus text format, read-only and without a token
// so that Prometheus scrapes it like any exporter. A port of its own rather than a path on the proxy: the
// proxy forwards every path to the service, which may serve its own /metrics (the sample service does), and
// the target's clients have no business reading the proxy's counters (Linkerd's proxy does the same, 4191).
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

export function createMetricsServer({ registry }: { registry: Registry }): Server {
  return createServer((req, res) => {
    const [pathname] = (req.url ?? "/").split("?");
    if (req.method !== "GET" || pathname !== "/metrics")
      return void res.writeHead(404, { "content-type": "text/plain" }).end("GET /metrics\n");
    registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
      (error: Error) => res.writeHead(500, { "content-type": "text/plain" }).end(`${error.message}\n`),
    );
  });
}
