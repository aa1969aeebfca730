// Runs the Cloud Run test server as a process of its own (for Playwright journeys, which cannot load the
// server's ES modules): prints one JSON line `{ url, projectId, region, serviceAccountKey }` once it
// listens, and stops every revision on SIGTERM or SIGINT.
//   tsx lib/providers/cloudrun/testing/serve-cloud-run-test-server.ts <stateDir>
import { startCloudRunTestServer } from "./start-cloud-run-test-server";

const stateDir = process.argv[2];
if (!stateDir) {
  console.error("usage: serve-cloud-run-test-server.ts <stateDir>");
  process.exit(2);
}

void startCloudRunTestServer({ stateDir, revisionMode: "process" }).then((server) => {
  const { url, projectId, region, serviceAccountKey } = server;
  process.stdout.write(`${JSON.stringify({ url, projectId, region, serviceAccountKey })}\n`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
});
