// tsx e2e/support/stop-local-supervisors.ts <stateDir>: stops every local-provider supervisor of a state directory.
import { shutdownAllLocal } from "@/lib/providers/local/shutdown-all-local";

const stateDir = process.argv[2];
if (!stateDir) {
  console.error("usage: stop-local-supervisors.ts <stateDir>");
  process.exit(2);
}
shutdownAllLocal({ stateDir }).then(
  (stopped) => console.log(`stopped ${stopped.length} local supervisor(s) in ${stateDir}`),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
