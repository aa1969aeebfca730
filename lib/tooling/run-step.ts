// Runs one step of a tooling script as a child process, with its output, and times it.
import { spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");

export function runStep(title: string, command: string, args: string[], env: Record<string, string | undefined> = {}): number {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = result.status ?? 1;
  console.log(`${code === 0 ? "✔" : "✘"} ${title} (${seconds} s)`);
  return code;
}
