// Shared set-up of the local provider's integration tests: a sample-service target, waiting for a revision,
// and checks by pid that processes really exist or are gone.
import path from "node:path";
import { waitUntil } from "@/lib/testing/own-redis";
import type { DeploymentProvider, ProviderTarget, RevisionStatus } from "../../types";
import { readSupervisorState, stateFilePath, type SupervisorState } from "../supervisor-state";

const root = path.resolve(import.meta.dirname, "../../../..");

export const sampleCommand = [path.join(root, "node_modules/.bin/tsx"), "workers/sample-service/server.ts"];

export function sampleTarget({
  id,
  port,
  retainRevisions,
  metricsPort,
}: {
  id: string;
  port: number;
  retainRevisions?: number;
  metricsPort?: number;
}): ProviderTarget {
  return {
    id,
    providerType: "local",
    providerConfig: { command: sampleCommand, port, metricsPort, service: "sample", retainRevisions, cwd: root },
  };
}

export function release(version: string) {
  return { version, image: `sample:${version}`, digest: `sha256:${version.replaceAll(".", "")}` };
}

/** Resolves with the revision once `check` holds for it (default: ready), failing with its last status. */
export async function waitForRevision({
  provider,
  target,
  name,
  check = (r) => r.ready,
  timeoutMs = 20_000,
}: {
  provider: DeploymentProvider;
  target: ProviderTarget;
  name: string;
  check?: (revision: RevisionStatus) => boolean;
  timeoutMs?: number;
}): Promise<RevisionStatus> {
  let found: RevisionStatus | undefined;
  await waitUntil(
    async () => {
      found = (await provider.getStatus({ target })).revisions.find((r) => r.name === name);
      if (!found || !check(found)) throw new Error(`revision ${name}: ${JSON.stringify(found)}`);
    },
    { timeoutMs, what: `revision ${name}` },
  );
  return found!;
}

export async function readState({ stateDir, targetId }: { stateDir: string; targetId: string }): Promise<SupervisorState> {
  const state = await readSupervisorState(stateFilePath({ stateDir, targetId }));
  if (!state) throw new Error(`no state file for ${targetId}`);
  return state;
}

/** True while any process of the group exists (revisions run in groups of their own). */
export function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Every pid a supervisor state names: the supervisor, its watchdog and each revision's group leader. */
export function pidsOf(state: SupervisorState): { supervisor: number; watchdog: number | null; revisionGroups: number[] } {
  return { supervisor: state.pid, watchdog: state.watchdogPid, revisionGroups: state.revisions.flatMap((r) => (r.pid ? [r.pid] : [])) };
}
