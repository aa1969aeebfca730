// The target's one public entry point: a reverse proxy that sends each request to the revision the weighted
// picker names and records the outcome for that revision. A traffic switch is a change of picker, so every
// request already in flight finishes on the revision it started on — a blue-green switch drops nothing.
import { createServer, type IncomingHttpHeaders, request, type Server } from "node:http";
import type { RevisionEntry } from "./revision-entry";

// Connection-level headers belong to one hop, not to the request (RFC 9110 §7.6.1).
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"];

/** Methods whose requests carry no body and may be sent twice (RFC 9110 §9.2.2). */
const RETRYABLE = new Set(["GET", "HEAD", "OPTIONS"]);
const isRetryable = (method: string | undefined) => RETRYABLE.has(method ?? "GET");

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

export function createTrafficProxy({ pick }: { pick: () => RevisionEntry | undefined }): Server {
  return createServer((req, res) => {
    const entry = pick();
    if (!entry) {
      res
        .writeHead(503, { "content-type": "application/json" })
        .end(JSON.stringify({ error: "no healthy revision has traffic on this target" }));
      return;
    }
    const began = performance.now();
    let proxyError = false;
    res.once("close", () => entry.metrics.record({ status: res.statusCode, ms: performance.now() - began, proxyError }));
    const headers = {
      ...withoutHopByHop(req.headers),
      "x-forwarded-for": req.socket.remoteAddress ?? "",
      "x-forwarded-host": req.headers.host ?? "",
    };
    const send = (attempt: number) => {
      const upstream = request(
        { host: "127.0.0.1", port: entry.record.port, method: req.method, path: req.url, headers, agent: entry.agent },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, { ...withoutHopByHop(reply.headers), "x-flightdeck-revision": entry.record.name });
          reply.pipe(res);
        },
      );
      upstream.once("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the revision closed just as it was reused (its idle timeout against our
        // next request, a race a busy machine widens): a request without a body is sent again, once, on a
        // fresh connection — what HTTP clients do for idempotent requests.
        if (attempt === 0 && upstream.reusedSocket && error.code === "ECONNRESET" && isRetryable(req.method) && !res.headersSent) {
          return void send(1);
        }
        proxyError = true;
        if (res.headersSent) return void res.destroy();
        res
          .writeHead(502, { "content-type": "application/json" })
          .end(JSON.stringify({ error: `revision ${entry.record.name} unreachable: ${error.message}` }));
      });
      // A client that hangs up abandons its request: no reason to keep the revision working on it.
      res.once("close", () => {
        if (!res.writableFinished) upstream.destroy();
      });
      if (attempt === 0) req.pipe(upstream);
      else upstream.end();
    };
    send(0);
  });
}
