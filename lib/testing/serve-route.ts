// Serves one App Router route handler over real HTTP (node:http), the way Next.js calls it: a Web Request in
// (with its body, for a POST), the handler's Response streamed out, and the request's signal aborted when the
// client goes away. Lets a benchmark drive a route with real HTTP clients, and an outside program
// (Alertmanager) call one, without building the whole app.
import { createServer, type IncomingMessage, type Server } from "node:http";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export async function serveRoute({
  handler,
  params = () => ({}),
}: {
  handler: Handler;
  params?: (url: URL) => Record<string, string>;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    void (async () => {
      const body = await readBody(req);
      const response = await handler(new Request(url, { method: req.method, headers, body, signal: abort.signal }), {
        params: Promise.resolve(params(url)),
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.flushHeaders();
      if (!response.body) return void res.end();
      const reader = response.body.getReader();
      abort.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
      res.end();
    })().catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(error.message);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
