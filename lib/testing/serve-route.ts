// Serves one route handler over real HTTP on 127.0.0.1, so an outside program (Alertmanager) can call it the
// way it calls a deployed Flightdeck. Keeps every exchange, for tests to wait on and assert.
import { createServer, type IncomingMessage } from "node:http";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type Exchange = { method: string; path: string; authorization: string | null; request: any; status: number; body: any };

export type ServedRoute = { url: string; exchanges: Exchange[]; close: () => Promise<void> };

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function serveRoute({ handler, path }: { handler: Handler; path: string }): Promise<ServedRoute> {
  const exchanges: Exchange[] = [];
  const server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    const method = incoming.method ?? "GET";
    const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
      method,
      headers,
      body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body),
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    const text = await response.text();
    exchanges.push({
      method,
      path: incoming.url ?? "",
      authorization: incoming.headers.authorization ?? null,
      request: body.length ? JSON.parse(body.toString()) : null,
      status: response.status,
      body: text ? JSON.parse(text) : null,
    });
    outgoing.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    exchanges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
