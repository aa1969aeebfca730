// The proxy against a revision that closes a kept-alive connection at the moment it is reused (what an idle
// timeout racing the next request does on a busy machine): a GET is sent again on a fresh connection and
// answered, once; a POST is not replayed and gets the 502 that says the revision was unreachable.
import { Agent, createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTrafficProxy } from "./create-traffic-proxy";
import type { RevisionEntry } from "./revision-entry";

let revision: Server;
let proxy: Server;
let proxyPort: number;
const served: string[] = [];

/** Answers each connection's first request; drops the connection when a second one arrives on it. */
function startRevision(): Promise<Server> {
  const server = createServer((req, res) => {
    const socket = req.socket as typeof req.socket & { requests?: number };
    socket.requests = (socket.requests ?? 0) + 1;
    if (socket.requests > 1) return void socket.destroy();
    served.push(`${req.method} ${req.url}`);
    res.end("ok");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function call(method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: proxyPort, method, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "{}" : undefined);
  });
}

beforeAll(async () => {
  revision = await startRevision();
  const entry = {
    record: { name: "r1", port: (revision.address() as AddressInfo).port },
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    metrics: { record: () => {} },
  } as unknown as RevisionEntry;
  proxy = createTrafficProxy({ pick: () => entry });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyPort = (proxy.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => proxy.close(r));
  revision.closeAllConnections();
  await new Promise((r) => revision.close(r));
});

it("sends a GET again on a fresh connection when the reused one is dropped, and does not replay a POST", async () => {
  expect(await call("GET", "/first")).toEqual({ status: 200, body: "ok" });
  // The kept-alive connection is reused for this one and dropped by the revision: the proxy retries it.
  expect(await call("GET", "/second")).toEqual({ status: 200, body: "ok" });
  expect(served).toEqual(["GET /first", "GET /second"]);
  const post = await call("POST", "/third");
  expect(post.status).toBe(502);
  expect(post.body).toContain("revision r1 unreachable");
  expect(served).toEqual(["GET /first", "GET /second"]);
});
