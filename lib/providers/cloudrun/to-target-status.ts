// Reads a Cloud Run service and its revisions as the provider contract's TargetStatus: each revision's
// Ready condition, its traffic from the service's trafficStatuses (the routing in effect, not the one
// asked for), its tag URL, and the release recorded in its annotations. Pure.
import type { protos } from "@google-cloud/run";
import type { RevisionStatus, TargetStatus } from "../types";
import { ANNOTATION, revisionNameOf } from "./cloud-run-names";

type Service = protos.google.cloud.run.v2.IService;
type Revision = protos.google.cloud.run.v2.IRevision;
type Condition = protos.google.cloud.run.v2.ICondition;

// The client decodes enums to names in what get/list return and leaves numbers in operation results.
const isState = (state: unknown, name: string, number: number) => state === name || state === number;
const SUCCEEDED = (s: unknown) => isState(s, "CONDITION_SUCCEEDED", 4);
const FAILED = (s: unknown) => isState(s, "CONDITION_FAILED", 3);
const isLatest = (type: unknown) => isState(type, "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", 1);

export const readyCondition = (revision: Revision): Condition | undefined => revision.conditions?.find((c) => c.type === "Ready");

/** Revision id → percent and tag URL, from the routing in effect. */
function routing(service: Service): Map<string, { percent: number; url: string | null }> {
  const latest = service.latestReadyRevision?.split("/").pop() ?? "";
  const byRevision = new Map<string, { percent: number; url: string | null }>();
  for (const status of service.trafficStatuses ?? []) {
    const id = isLatest(status.type) || !status.revision ? latest : status.revision.split("/").pop()!;
    const entry = byRevision.get(id) ?? { percent: 0, url: null };
    entry.percent += status.percent ?? 0;
    if (status.tag && status.uri) entry.url = status.uri;
    byRevision.set(id, entry);
  }
  return byRevision;
}

function versionOfImage(image: string): string {
  const tag = image.split("@")[0]!.split("/").pop()!.split(":")[1];
  return tag ?? "latest";
}

export function toRevisionStatus({
  serviceId,
  revision,
  route,
}: {
  serviceId: string;
  revision: Revision;
  route?: { percent: number; url: string | null };
}): RevisionStatus {
  const id = revision.name?.split("/").pop() ?? "";
  const image = revision.containers?.[0]?.image ?? "";
  const annotations = revision.annotations ?? {};
  const ready = readyCondition(revision);
  const failed = FAILED(ready?.state);
  const isReady = SUCCEEDED(ready?.state);
  const createTime = revision.createTime;
  return {
    name: revisionNameOf({ service: serviceId, id }),
    version: annotations[ANNOTATION.version] ?? versionOfImage(image),
    image: annotations[ANNOTATION.image] ?? image.split("@")[0]!,
    digest: annotations[ANNOTATION.digest] ?? image.split("@")[1] ?? "",
    state: failed ? "exited" : isReady ? "running" : "starting",
    ready: isReady,
    healthy: !failed,
    url: route?.url ?? null,
    traffic: route?.percent ?? 0,
    createdAt: createTime?.seconds
      ? new Date(Number(createTime.seconds) * 1000 + Math.floor((createTime.nanos ?? 0) / 1e6)).toISOString()
      : new Date(0).toISOString(),
    ...(failed ? { exitCode: null, reason: ready?.message || "the revision's Ready condition failed" } : {}),
  };
}

/** The target as Cloud Run reports it; revisions newest first, as listRevisions returns them. */
export function toTargetStatus({
  serviceId,
  service,
  revisions,
}: {
  serviceId: string;
  service: Service;
  revisions: Revision[];
}): TargetStatus {
  const routes = routing(service);
  return {
    url: service.uri || null,
    revisions: revisions.map((revision) =>
      toRevisionStatus({ serviceId, revision, route: routes.get(revision.name?.split("/").pop() ?? "") }),
    ),
  };
}
