// Entry point of the sample service: `tsx workers/sample-service/server.ts` with PORT, SERVICE_NAME,
// VERSION and the behaviour knobs of settings.ts. The demo and the local provider's tests deploy it.
import { createSampleService } from "./create-sample-service";
import { startMemoryGrowth } from "./fault-injection";
import { readSampleSettings } from "./settings";

// Past this, open keep-alive connections must not keep a retired revision alive.
const SHUTDOWN_DEADLINE_MS = 5_000;

function main(): void {
  const settings = readSampleSettings(process.env);
  const label = `${settings.SERVICE_NAME} ${settings.VERSION}${settings.REVISION ? ` (${settings.REVISION})` : ""}`;
  if (settings.CRASH_ON_START) {
    console.error(`${label}: CRASH_ON_START is set, exiting`);
    process.exit(1);
  }
  const stopGrowth = startMemoryGrowth(settings.MEMORY_GROWTH_MB_PER_MIN);
  const server = createSampleService(settings);
  server.listen(settings.PORT, "127.0.0.1", () => {
    const address = server.address();
    console.info(`${label}: listening on 127.0.0.1:${typeof address === "object" && address ? address.port : settings.PORT}`);
  });
  const stop = (signal: string) => {
    console.info(`${label}: ${signal}, closing`);
    stopGrowth();
    setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS).unref();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

main();
