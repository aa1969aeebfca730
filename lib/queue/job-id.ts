// Deterministic job ids. Enqueuing the same id twice is a no-op while the first job is kept, which makes
// producers idempotent: a retried request or a reconciler re-enqueuing a step cannot run it twice.
const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_SEGMENTS = 8;

/** Throws unless `id` follows the rules: 2–8 ':'-separated segments of [A-Za-z0-9_-], starting with a letter. */
export function assertJobId(id: string): void {
  const segments = id.split(":");
  const problem =
    segments.length < 2 || segments.length > MAX_SEGMENTS
      ? `it needs 2 to ${MAX_SEGMENTS} ':'-separated parts, like deploy:<deploymentId>:step:<n>`
      : segments.find((s) => !SEGMENT.test(s)) !== undefined
        ? "each part may hold only letters, digits, '_' and '-'"
        : !/^[A-Za-z]/.test(id)
          ? "it must start with a letter (the kind of job), never a bare number"
          : undefined;
  if (problem) throw new Error(`Invalid job id "${id}": ${problem}.`);
}

/** Joins parts into a job id, checking the rules. */
export function makeJobId(parts: readonly (string | number)[]): string {
  const id = parts.map(String).join(":");
  assertJobId(id);
  return id;
}

/**
 * The id stored in BullMQ. BullMQ reserves ':' in custom ids (it rejects most of them), and '.' never
 * occurs inside a segment, so swapping ':' for '.' is reversible and keeps ids readable in Redis.
 */
export function toQueueJobId(id: string): string {
  assertJobId(id);
  return id.replaceAll(":", ".");
}

export function fromQueueJobId(queueJobId: string): string {
  return queueJobId.replaceAll(".", ":");
}

export function deploymentStepJobId({
  deploymentId,
  step,
  generation = 0,
}: {
  deploymentId: string;
  step: number;
  generation?: number;
}): string {
  if (!Number.isInteger(step) || step < 0) throw new Error(`Invalid job id: step must be an integer ≥ 0, got ${step}.`);
  // Generation 0 keeps the plain deploy:<id>:step:<n>; a re-queued step gets its own id, since BullMQ keeps
  // (and so dedupes against) the completed job of the earlier generation.
  return makeJobId(generation === 0 ? ["deploy", deploymentId, "step", step] : ["deploy", deploymentId, "step", step, "g", generation]);
}

export function pingJobId({ nonce }: { nonce: string }): string {
  return makeJobId(["ping", nonce]);
}

/** One smoke run's job: the run's row exists first, so its id is the job's. */
export function smokeRunJobId({ runId }: { runId: string }): string {
  return makeJobId(["smoke", runId]);
}
