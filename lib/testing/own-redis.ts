// A private Redis for one test file: its own port, no persistence, never the machine's shared instance,
// so a test may stop and restart it to simulate an outage.
import { type ChildProcess, spawn } from "node:child_process";
import { createConnection, createServer } from "node:net";

export type OwnRedis = {
  port: number;
  url: string;
  /** Starts (or restarts) the server on the same port; resolves once it accepts connections. */
  start: () => Promise<void>;
  /** Stops the server (SIGTERM; SIGKILL after 5 s); resolves once the process has exited. */
  stop: () => Promise<void>;
};

/** A TCP port nobody listens on right now (also used by own-postgres.ts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `check` stops throwing, polling every 50 ms; rejects with its last error after `timeoutMs`. */
export async function waitUntil(check: () => Promise<unknown>, { timeoutMs, what }: { timeoutMs: number; what: string }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms: ${(last as Error)?.message ?? last}`);
}

function acceptsConnections(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("data", (data) => {
      socket.destroy();
      if (data.toString().startsWith("+PONG")) resolve();
      else reject(new Error(`unexpected reply ${data.toString().trim()}`));
    });
    socket.once("error", reject);
    socket.write("PING\r\n");
  });
}

function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function createOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"];
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start: async () => {
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = spawn("redis-server", args, { stdio: "ignore" });
      child.once("error", (error) => console.error(`own redis: ${error.message}`));
      await waitUntil(() => acceptsConnections(port), { timeoutMs: 10_000, what: `redis-server on ${port}` });
    },
    stop: () => stopProcess(child),
  };
}
