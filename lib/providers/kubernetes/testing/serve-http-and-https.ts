// The API server's listeners: TLS on the main port for kubectl and client libraries (client-go sends
// credentials only over TLS, so a plain-http kubeconfig would leave kubectl anonymous), and plain HTTP on a
// second port for simple callers such as gateway traffic and quick curl checks. The certificate is
// self-signed for 127.0.0.1 by openssl at start and handed out as the kubeconfig's certificate authority.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import path from "node:path";

export type ApiListeners = {
  port: number;
  httpPort: number;
  caPem: string;
  /** TLS handshakes completed so far: how many connections clients opened rather than kept. */
  tlsHandshakes: () => number;
  close: () => Promise<void>;
};

function createCertificate(stateDir: string): { key: string; cert: string } {
  const keyFile = path.join(stateDir, "apiserver.key");
  const certFile = path.join(stateDir, "apiserver.crt");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", keyFile, "-out", certFile, "-days", "30", "-subj", "/CN=flightdeck-test-cluster"],
      ...["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-addext", "basicConstraints=critical,CA:TRUE"],
    ],
    { stdio: "ignore" },
  );
  return { key: readFileSync(keyFile, "utf8"), cert: readFileSync(certFile, "utf8") };
}

async function listen(server: Server, port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function serveHttpAndHttps({
  port,
  httpPort,
  stateDir,
  handler,
}: {
  port: number;
  httpPort: number;
  stateDir: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}): Promise<ApiListeners> {
  const { key, cert } = createCertificate(stateDir);
  const secure = createHttpsServer({ key, cert }, handler);
  let handshakes = 0;
  secure.on("secureConnection", () => (handshakes += 1));
  const tls = await listen(secure, port);
  const plain = await listen(createHttpServer(handler), httpPort);
  return {
    port: tls.port,
    httpPort: plain.port,
    caPem: cert,
    tlsHandshakes: () => handshakes,
    close: async () => {
      await Promise.all([tls.close(), plain.close()]);
    },
  };
}
