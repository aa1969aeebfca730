// One port, both protocols: TLS for kubectl and client libraries (client-go sends credentials only over
// TLS, so a plain-http kubeconfig would leave kubectl anonymous), plain HTTP for simple callers such as
// gateway traffic and quick curl checks. The first byte of a connection says which (0x16: a TLS handshake).
// The certificate is self-signed for 127.0.0.1 by openssl at start and handed out as the kubeconfig's CA.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createServer as createNetServer, type Socket } from "node:net";
import path from "node:path";
import { Duplex } from "node:stream";

export type DualServer = { port: number; caPem: string; close: () => Promise<void> };

function createCertificate(stateDir: string): { key: string; cert: string } {
  const keyFile = path.join(stateDir, "apiserver.key");
  const certFile = path.join(stateDir, "apiserver.crt");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-keyout",
      keyFile,
      "-out",
      certFile,
      "-days",
      "30",
      "-subj",
      "/CN=flightdeck-test-cluster",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
}

/**
 * The connection as a plain stream that starts with the byte already read. Handing the socket itself over
 * does not work: TLS and the HTTP parser read its handle directly and would miss the first chunk.
 */
function replaying(socket: Socket, first: Buffer): Duplex {
  const stream = new Duplex({
    read: () => void socket.resume(),
    write: (chunk, encoding, callback) => void socket.write(chunk, encoding, callback),
    final: (callback) => void socket.end(callback),
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  stream.push(first);
  socket.on("data", (chunk) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on("end", () => stream.push(null));
  socket.on("close", () => stream.destroy());
  return stream;
}

export async function serveHttpAndHttps({
  port,
  stateDir,
  handler,
}: {
  port: number;
  stateDir: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}): Promise<DualServer> {
  const { key, cert } = createCertificate(stateDir);
  const http = createHttpServer(handler);
  const https = createHttpsServer({ key, cert }, handler);
  for (const server of [http, https]) server.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.once("data", (chunk: Buffer) => (chunk[0] === 0x16 ? https : http).emit("connection", replaying(socket, chunk)));
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    front.once("error", reject);
    front.listen(port, "127.0.0.1", () => resolve());
  });
  const address = front.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    caPem: cert,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    },
  };
}
