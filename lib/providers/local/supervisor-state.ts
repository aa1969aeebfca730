// The state file a supervisor keeps for its target: how to reach it (pid, control port, token) and what it
// runs (revisions, weights). Written only by the supervisor, atomically, after every change; read by the
// provider to re-attach after a worker restart, and to say what was lost if the supervisor died.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

export const persistedRevisionSchema = z.object({
  name: z.string(),
  version: z.string(),
  image: z.string(),
  digest: z.string(),
  port: z.number().int(),
  pid: z.number().int().nullable(),
  state: z.enum(["starting", "running", "exited", "stopped", "gone"]),
  createdAt: z.string(),
  exitCode: z.number().int().nullable().optional(),
  lastServedSeq: z.number().int().optional(),
  reason: z.string().optional(),
});

export const supervisorStateSchema = z.object({
  targetId: z.string(),
  pid: z.number().int(),
  watchdogPid: z.number().int().nullable(),
  controlPort: z.number().int(),
  proxyPort: z.number().int(),
  /** GET /metrics in the Prometheus format (absent in state files written before it existed). */
  metricsPort: z.number().int().optional(),
  token: z.string(),
  startedAt: z.string(),
  revisions: z.array(persistedRevisionSchema),
  weights: z.record(z.string(), z.number()),
});

export type PersistedRevision = z.infer<typeof persistedRevisionSchema>;
export type SupervisorState = z.infer<typeof supervisorStateSchema>;

/** Target ids are cuids in practice; anything else is made file-name safe rather than trusted. */
export function stateFilePath({ stateDir, targetId }: { stateDir: string; targetId: string }): string {
  return path.join(stateDir, `${targetId.replace(/[^\w.-]/g, "_")}.json`);
}

export async function readSupervisorState(file: string): Promise<SupervisorState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const parsed = supervisorStateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`local provider: unreadable state file ${file}: ${parsed.error.message}`);
  return parsed.data;
}

/** Write-then-rename, so a reader never sees half a file; mode 0600 because the file holds the control token. */
export async function writeSupervisorState(file: string, state: SupervisorState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(3).toString("hex")}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2), { mode: 0o600 });
  await rename(temporary, file);
}

/** True while a process with this pid exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
