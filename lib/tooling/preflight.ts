// Checks the project's dependencies before starting anything, and says which one is missing and how to fix it.
import net from "node:net";
import { ensureDatabase } from "@/prisma/scripts/script-env";

function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || "127.0.0.1", port: Number(parsed.port || defaultPort) };
}

/** Sends PING over a bare socket: no client library, so the check cannot hang in reconnect loops. */
export function pingRedis(url: string, timeoutMs = 2_000): Promise<void> {
  const { host, port } = hostPort(url, 6379);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)));
    socket.once("error", fail);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.end();
      const reply = data.toString();
      if (reply.startsWith("+PONG")) resolve();
      else reject(new Error(`unexpected reply ${JSON.stringify(reply.trim())} (password-protected? put it in REDIS_URL)`));
    });
  });
}

export async function preflight(options: { databaseUrl: string; redisUrl: string }): Promise<void> {
  const problems: string[] = [];
  try {
    await ensureDatabase(options.databaseUrl);
  } catch (error) {
    problems.push(`PostgreSQL: ${(error as Error).message}`);
  }
  try {
    await pingRedis(options.redisUrl);
  } catch (error) {
    const { host, port } = hostPort(options.redisUrl, 6379);
    problems.push(
      `Redis: cannot reach ${host}:${port} (${(error as Error).message}). ` +
        "Start it (docker compose up -d redis, or `redis-server --daemonize yes`) or set REDIS_URL.",
    );
  }
  if (problems.length) {
    throw new Error(`Flightdeck cannot start:\n  - ${problems.join("\n  - ")}`);
  }
}
