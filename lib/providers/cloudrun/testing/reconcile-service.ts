// What Cloud Run's controller does after an accepted change, one change at a time per service: bring up the
// new revision and wait for its Ready condition, bring up every revision the traffic needs (a revision scaled
// to zero starts again), then route; a revision that never becomes ready fails the operation with Cloud
// Run's message and leaves the routing as it was. Revisions left with neither traffic nor a tag scale to zero.
import { CommonReason, ConditionSeverity, ConditionState, RevisionReason, TrafficType } from "./cloud-run-enums";
import type { RevisionRecord, ServiceRecord } from "./cloud-run-records";
import { transition } from "./cloud-run-records";
import type { RevisionEndpoint } from "./create-traffic-frontend";
import { GoogleApiError } from "./google-api-error";
import { imageTag, type ReadyOutcome, type RevisionRuntime } from "./start-revision-runtime";

export type RuntimeStarter = (service: ServiceRecord, revision: RevisionRecord) => Promise<RevisionRuntime>;

const notReady = (revision: string, message: string) =>
  new GoogleApiError("FAILED_PRECONDITION", `Revision '${revision}' is not ready and cannot serve traffic. ${message}`);

async function ensureRunning(service: ServiceRecord, revision: RevisionRecord, start: RuntimeStarter): Promise<ReadyOutcome> {
  if (revision.ready.state === ConditionState.FAILED) return { ok: false, message: revision.ready.message ?? "" };
  revision.outcome ??= start(service, revision).then(
    (runtime) => ((revision.runtime = runtime), runtime.ready),
    (error: Error): ReadyOutcome => ({ ok: false, message: `could not start the revision: ${error.message}` }),
  );
  const outcome = await revision.outcome;
  revision.ready = outcome.ok
    ? transition(revision.ready, { state: ConditionState.SUCCEEDED })
    : transition(revision.ready, {
        state: ConditionState.FAILED,
        message: outcome.message,
        revisionReason: RevisionReason.HEALTH_CHECK_CONTAINER_ERROR,
        severity: ConditionSeverity.ERROR,
      });
  if (!outcome.ok) revision.runtime = undefined;
  return outcome;
}

function endpointOf(revision: RevisionRecord): RevisionEndpoint {
  return { revision: revision.name, version: imageTag(revision.image), port: revision.runtime?.port ?? null };
}

async function route(service: ServiceRecord, start: RuntimeStarter): Promise<Set<string>> {
  const statuses = service.traffic.map((target) => ({
    ...target,
    resolved: target.type === TrafficType.LATEST ? service.latestReady : target.revision,
  }));
  const needed = new Set(statuses.flatMap((s) => (s.resolved && (s.percent > 0 || s.tag) ? [s.resolved] : [])));
  for (const name of needed) {
    const revision = service.revisions.get(name);
    if (!revision) throw new GoogleApiError("NOT_FOUND", `Revision '${name}' named in the traffic no longer exists.`);
    const outcome = await ensureRunning(service, revision, start);
    if (!outcome.ok) throw notReady(name, outcome.message);
  }
  for (const { tag } of statuses) if (tag) service.tagUris[tag] ??= await service.frontend.tagUri(tag);
  const endpoint = (name: string) => endpointOf(service.revisions.get(name)!);
  service.frontend.route({
    split: statuses.flatMap((s) => (s.resolved && s.percent > 0 ? [{ endpoint: endpoint(s.resolved), percent: s.percent }] : [])),
    tags: Object.fromEntries(statuses.flatMap((s) => (s.resolved && s.tag ? [[s.tag, endpoint(s.resolved)]] : []))),
  });
  service.trafficStatuses = statuses;
  return needed;
}

/** Reconciles `generation` of the service; rejects with the operation's error. `track` keeps background stops. */
export async function reconcileService({
  service,
  generation,
  created,
  failure,
  start,
  track,
}: {
  service: ServiceRecord;
  generation: number;
  created?: string;
  failure?: GoogleApiError;
  start: RuntimeStarter;
  track: (stopping: Promise<void>) => void;
}): Promise<void> {
  try {
    if (created) {
      const outcome = await ensureRunning(service, service.revisions.get(created)!, start);
      if (!outcome.ok) throw notReady(created, outcome.message);
      service.latestReady = created;
    }
    service.configurationsReady = transition(service.configurationsReady, { state: ConditionState.SUCCEEDED });
    if (failure) throw failure;
    const needed = await route(service, start);
    service.routesReady = transition(service.routesReady, { state: ConditionState.SUCCEEDED });
    service.terminal = transition(service.terminal, { state: ConditionState.SUCCEEDED });
    for (const revision of service.revisions.values()) {
      if (needed.has(revision.name) || !revision.runtime) continue;
      track(revision.runtime.stop());
      revision.runtime = undefined;
      revision.outcome = undefined;
    }
  } catch (error) {
    const refusal = error instanceof GoogleApiError ? error : new GoogleApiError("INTERNAL", String(error));
    const revisionFailed = refusal.status === "FAILED_PRECONDITION";
    const failed = { state: ConditionState.FAILED, message: refusal.message, severity: ConditionSeverity.ERROR };
    const reason = revisionFailed ? CommonReason.REVISION_FAILED : CommonReason.INTERNAL;
    if (created && revisionFailed) service.configurationsReady = transition(service.configurationsReady, { ...failed, reason });
    service.terminal = transition(service.terminal, { ...failed, reason });
    throw refusal;
  } finally {
    service.observedGeneration = generation;
    // A later change may already wait in the queue: the service is still reconciling then.
    service.reconciling = service.generation !== generation;
  }
}
