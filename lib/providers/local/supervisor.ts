// The per-target supervisor process, started detached by the local provider:
//   node --import tsx lib/providers/local/supervisor.ts '{"targetId":…,"stateDir":…,"proxyPort":…,"metricsPort":…}'
// It owns the target's proxy and revision processes, so they outlive any worker; a worker finds it again
// through the state file. Its revisions die with it (start-watchdog.ts), so it never leaves orphans. A third
// port serves the proxy's counters to Prometheus (create-metrics-server.ts says why it is a port of its own).
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { createControlApi } from "./create-control-api";
import { createMetricsServer } from "./create-metrics-server";
import { createProxyExposition } from "./create-proxy-exposition";
import { createTrafficProxy } from "./create-traffic-proxy";
import { startRevisionSampling } from "./start-revision-sampling";
import { startWatchdog, type Watchdog } from "./start-watchdog";
import { isProcessAlive, readSupervisorState, stateFilePath, writeSupervisorState } from "./supervisor-state";
import { LOCAL_MEMORY_LIMIT_BYTES, TargetRuntime } from "./target-runtime";

const port = z.number().int().min(0).max(65535);
const argsSchema = z.object({ targetId: z.string().min(1), stateDir: z.string().min(1), proxyPort: port, metricsPort: port.default(0) });
type Args = z.infer<typeof argsSchema>;
type Identity = {
  token: string;
  startedAt: string;
  watchdog: Watchdog;
  ports: { controlPort: number; proxyPort: number; metricsPort: number };
};

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function exitWith(code: number, message: string): never {
  console.error(`supervisor: ${message}`);
  process.exit(code);
}

/** Serialized writes, so an older snapshot can never be renamed over a newer one. */
function createPersist(
  args: Args,
  identity: Identity,
): { persist: (runtime: TargetRuntime) => Promise<void>; flushed: () => Promise<void> } {
  const file = stateFilePath(args);
  let writes = Promise.resolve();
  const persist = (runtime: TargetRuntime) =>
    (writes = writes.then(() =>
      writeSupervisorState(file, {
        targetId: args.targetId,
        pid: process.pid,
        watchdogPid: identity.watchdog.pid,
        ...identity.ports,
        token: identity.token,
        startedAt: identity.startedAt,
        revisions: runtime.records(),
        weights: runtime.weights,
      }),
    ));
  return { persist, flushed: () => writes };
}

async function main(): Promise<void> {
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
  const previous = await readSupervisorState(stateFilePath(args)).catch(() => undefined);
  if (previous && previous.pid !== process.pid && isProcessAlive(previous.pid))
    exitWith(3, `target ${args.targetId} already has supervisor ${previous.pid}`);
  process.title = `flightdeck-supervisor ${args.targetId}`;
  const identity: Identity = {
    token: randomBytes(24).toString("hex"),
    startedAt: new Date().toISOString(),
    watchdog: startWatchdog(),
    ports: { controlPort: 0, proxyPort: 0, metricsPort: 0 },
  };
  const { persist, flushed } = createPersist(args, identity);
  const exposition = createProxyExposition({
    targetId: args.targetId,
    revisions: () =>
      [...runtime.revisions.values()].map((e) => ({ name: e.record.name, isRunning: e.record.state === "running", samples: e.samples })),
    memoryLimitBytes: LOCAL_MEMORY_LIMIT_BYTES,
  });
  const runtime = new TargetRuntime({ targetId: args.targetId, logDir: args.stateDir, watchdog: identity.watchdog, persist, exposition });
  const proxy = createTrafficProxy({ pick: () => runtime.pick() });
  identity.ports.proxyPort = await listen(proxy, args.proxyPort).catch((error: Error) =>
    exitWith(2, `proxy port ${args.proxyPort}: ${error.message}`),
  );
  const metricsServer = createMetricsServer({ registry: exposition.registry });
  identity.ports.metricsPort = await listen(metricsServer, args.metricsPort).catch((error: Error) =>
    exitWith(2, `metrics port ${args.metricsPort}: ${error.message}`),
  );
  const sampling = startRevisionSampling({ entries: () => runtime.revisions.values() });
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    console.info(`supervisor ${args.targetId}: ${why}, stopping revisions`);
    proxy.close();
    proxy.closeAllConnections();
    sampling.stop();
    metricsServer.close();
    await runtime.stopAll();
    await flushed();
    // A clean shutdown leaves no state file: the target is "not running", not "lost".
    await rm(stateFilePath(args), { force: true });
    process.exit(0);
  };
  const describe = () => ({
    targetId: args.targetId,
    pid: process.pid,
    watchdogPid: identity.watchdog.pid,
    startedAt: identity.startedAt,
    url: `http://127.0.0.1:${identity.ports.proxyPort}`,
  });
  const control = createControlApi({ runtime, token: identity.token, describe, onShutdown: () => void shutdown("shutdown requested") });
  identity.ports.controlPort = await listen(control, 0);
  await persist(runtime);
  console.info(
    `supervisor ${args.targetId}: pid ${process.pid}, proxy ${identity.ports.proxyPort}, control ${identity.ports.controlPort}, metrics ${identity.ports.metricsPort}`,
  );
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: Error) => exitWith(1, error.stack ?? error.message));
