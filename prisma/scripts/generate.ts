// `prisma generate` insists on finding a schema engine binary although generating never runs it, and the
// native engine cannot be downloaded on our machines: point it at a no-op stub unless one is configured.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = path.join(root, "node_modules/.cache/flightdeck");
  const stub = path.join(dir, "schema-engine-stub");
  mkdirSync(dir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine stub: use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
const result = spawnSync("prisma", ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
