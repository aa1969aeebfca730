// How the project starts a long-running TypeScript process of its own (the worker, the sample service):
// `node --import tsx <script>`, one process. The tsx command line instead runs the script in a child and
// relays signals to it; when the child does not acknowledge a SIGTERM within 30 ms (a busy machine), tsx
// SIGKILLs it and exits 143, so the worker's graceful shutdown never runs.
import { root } from "./run-step";

/** The command and arguments that run `script` (relative to the repository) in a single Node process. */
export function nodeScript(script: string): { command: string; args: string[]; cwd: string } {
  return { command: process.execPath, args: ["--import", "tsx", script], cwd: root };
}
