// The local provider's connection test: there is no remote platform, so it checks what a deploy will need
// on the worker's machine — the working directory, and the command's program found the way a revision will
// find it (the repository's node_modules/.bin first on PATH, as in npm scripts).
import { access, constants, stat } from "node:fs/promises";
import path from "node:path";
import type { LocalConfig } from "../provider-config";
import type { ConnectionCheck, ConnectionReport } from "../types";

// The web app and the worker both run from the repository's root (the bundled route has no module path of its own).
const PROJECT_BIN = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "node_modules/.bin");

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function checkDirectory(cwd: string): Promise<ConnectionCheck> {
  const name = `working directory ${cwd}`;
  try {
    const ok = (await stat(cwd)).isDirectory();
    return { name, ok, detail: ok ? "exists" : "is not a directory" };
  } catch {
    return { name, ok: false, detail: "does not exist on the worker's machine" };
  }
}

async function checkProgram(program: string, cwd: string): Promise<ConnectionCheck> {
  const name = `program ${program}`;
  if (program.includes("/")) {
    const file = path.resolve(cwd, program);
    const ok = await isExecutable(file);
    return { name, ok, detail: ok ? `${file} is executable` : `${file} is missing or not executable` };
  }
  const dirs = [PROJECT_BIN, ...(process.env.PATH ?? "/usr/bin:/bin").split(path.delimiter)];
  for (const dir of dirs) {
    const file = path.join(dir, program);
    if (await isExecutable(file)) return { name, ok: true, detail: `found at ${file}` };
  }
  return { name, ok: false, detail: `not found in node_modules/.bin or on PATH (${dirs.length} directories searched)` };
}

export async function testLocalConnection(config: LocalConfig): Promise<ConnectionReport> {
  const cwd = config.cwd ?? process.cwd();
  const directory = await checkDirectory(cwd);
  const checks = directory.ok ? [directory, await checkProgram(config.command[0]!, cwd)] : [directory];
  return { ok: checks.every((check) => check.ok), checks };
}
