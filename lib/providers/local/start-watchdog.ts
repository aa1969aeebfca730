// Children die with their supervisor, even when it is SIGKILLed and cannot clean up: a tiny shell process
// holds the read end of a pipe from the supervisor and the list of revision process groups. When the pipe
// closes — the supervisor exited, however — it TERMs every group still listed, then KILLs what is left.
import { spawn } from "node:child_process";

const SCRIPT = `
groups=""
while IFS= read -r line; do
  case "$line" in
    +*) groups="$groups \${line#+}" ;;
    -*) keep=""; for g in $groups; do [ "$g" = "\${line#-}" ] || keep="$keep $g"; done; groups="$keep" ;;
  esac
done
[ -z "$groups" ] && exit 0
for g in $groups; do kill -TERM -$g 2>/dev/null; done
sleep 3
for g in $groups; do kill -KILL -$g 2>/dev/null; done
`;

export type Watchdog = {
  pid: number | null;
  watch: (pgid: number) => void;
  unwatch: (pgid: number) => void;
};

export function startWatchdog(): Watchdog {
  // Its own process group too, so a signal to the supervisor's group does not take the watchdog along.
  const child = spawn("sh", ["-c", SCRIPT], { detached: true, stdio: ["pipe", "ignore", "ignore"] });
  child.unref();
  child.stdin?.on("error", () => {
    // The watchdog went away first; nothing useful to do but keep running.
  });
  return {
    pid: child.pid ?? null,
    watch: (pgid) => void child.stdin?.write(`+${pgid}\n`),
    unwatch: (pgid) => void child.stdin?.write(`-${pgid}\n`),
  };
}
