// A service's URLs. Cloud Run serves `https://{service}-{hash}.a.run.app` and `https://{tag}---{service}-….run.app`;
// here the service URL is a port of its own (`http://127.0.0.1:<port>`) that splits requests across revisions
// by percent, and each tag gets a port of its own that reaches its revision alone. Ports, not host names or
// path prefixes, so any plain HTTP client (fetch, curl, the smoke runner) reaches them with no extra header
// and every path (/health, /mcp) means what it means to the revision.
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createWeightedRoundRobin, type WeightedRoundRobin } from "@/lib/providers/local/weighted-round-robin";
import type { RequestObservation } from "./create-cloud-run-exposition";

/** Where a revision answers: a local port, or (simulated mode) the frontend answers for it. */
export type RevisionEndpoint = { revision: string; version: string; port: number | null };

export type TrafficFrontend = {
  uri: string;
  /** The URL of `tag`; the same for as long as the service exists, whatever revision the tag moves to. */
  tagUri: (tag: string) => Promise<string>;
  /** Replaces the routing: shares by percent over `split`, and each tag to its revision. */
  route: (routes: { split: { endpoint: RevisionEndpoint; percent: number }[]; tags: Record<string, RevisionEndpoint> }) => void;
  close: () => Promise<void>;
};

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
    });
  });
}

export async function createTrafficFrontend({
  service,
  observe,
  onRoute,
}: {
  service: string;
  /** Told the moment the service URL's split changes (benchmarks time a traffic move by it). */
  onRoute?: (split: { revision: string; percent: number }[]) => void;
  /** Told of every request a revision answered (its status and duration), for the metrics exposition. */
  observe?: (request: RequestObservation) => void;
}): Promise<TrafficFrontend> {
  const agent = new Agent({ keepAlive: true });
  let picker: WeightedRoundRobin<RevisionEndpoint> = createWeightedRoundRobin<RevisionEndpoint>([]);
  let tags: Record<string, RevisionEndpoint> = {};
  const servers: Server[] = [];
  const tagUris = new Map<string, Promise<string>>();

  const forward = (endpoint: RevisionEndpoint | undefined, req: IncomingMessage, res: ServerResponse) => {
    if (endpoint && observe) {
      const started = performance.now();
      res.once("finish", () =>
        observe({ service, revision: endpoint.revision, status: res.statusCode, durationMs: performance.now() - started }),
      );
    }
    if (!endpoint) {
      res.writeHead(503, { "content-type": "text/plain" }).end(`Service Unavailable: no ready revision of ${service} serves this URL\n`);
      return;
    }
    if (endpoint.port === null) {
      const body = JSON.stringify({
        ok: true,
        status: "healthy",
        service,
        version: endpoint.version,
        revision: endpoint.revision,
        simulated: true,
      });
      req.resume();
      res.writeHead(200, { "content-type": "application/json", "x-revision": endpoint.revision }).end(body);
      return;
    }
    send(endpoint, req, res, { isRetry: false });
  };

  // A kept-alive connection the revision closed just as it was reused fails with ECONNRESET before any answer:
  // a request without a body is sent once more on a fresh connection, as Node's docs advise (and Google's
  // front end does). Anything else answers 503.
  const send = (endpoint: RevisionEndpoint, req: IncomingMessage, res: ServerResponse, { isRetry }: { isRetry: boolean }) => {
    const upstream = request(
      {
        host: "127.0.0.1",
        port: endpoint.port!,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-host": req.headers.host },
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      const isBodiless = req.method === "GET" || req.method === "HEAD";
      if (!isRetry && upstream.reusedSocket && error.code === "ECONNRESET" && isBodiless && !res.headersSent)
        return send(endpoint, req, res, { isRetry: true });
      if (!res.headersSent) res.writeHead(503, { "content-type": "text/plain" });
      res.end(`Service Unavailable: revision ${endpoint.revision} did not answer\n`);
    });
    if (isRetry) upstream.end();
    else req.pipe(upstream);
  };

  const serve = async (choose: () => RevisionEndpoint | undefined): Promise<string> => {
    const server = createServer((req, res) => forward(choose(), req, res));
    servers.push(server);
    return listen(server);
  };

  const uri = await serve(() => picker.next());
  return {
    uri,
    tagUri: (tag) => {
      let found = tagUris.get(tag);
      if (!found) {
        found = serve(() => tags[tag]);
        tagUris.set(tag, found);
      }
      return found;
    },
    route: ({ split, tags: nextTags }) => {
      picker = createWeightedRoundRobin(split.map(({ endpoint, percent }) => ({ value: endpoint, weight: percent })));
      tags = nextTags;
      onRoute?.(split.map(({ endpoint, percent }) => ({ revision: endpoint.revision, percent })));
    },
    close: async () => {
      agent.destroy();
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))),
      );
    },
  };
}
