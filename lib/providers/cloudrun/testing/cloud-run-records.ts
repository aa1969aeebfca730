// The server's state of services and revisions, before rendering as v2 resources (to-service-resource.ts,
// to-revision-resource.ts), and the one helper that moves a condition so its transition time stays honest.
import { createHash, randomUUID } from "node:crypto";
import { ConditionState } from "./cloud-run-enums";
import type { TrafficFrontend } from "./create-traffic-frontend";
import type { TrafficTarget } from "./plan-service-update";
import type { ReadyOutcome, RevisionRuntime } from "./start-revision-runtime";

export type ConditionRecord = {
  type: string;
  state: number;
  message?: string;
  /** Condition.CommonReason, or Condition.RevisionReason: the `reasons` oneof holds one of them. */
  reason?: number;
  revisionReason?: number;
  severity?: number;
  lastTransitionTime: string;
};

export type RevisionRecord = {
  name: string;
  uid: string;
  createTime: string;
  /** The revision's template as stored (Cloud Run's defaults filled in), without its name. */
  template: Record<string, unknown>;
  templateKey: string;
  image: string;
  env: Record<string, string>;
  ready: ConditionRecord;
  /** Set while instances run; a revision with neither traffic nor a tag is scaled to zero (undefined). */
  runtime?: RevisionRuntime;
  outcome?: Promise<ReadyOutcome>;
  logFile: string;
  logUri: string;
};

export type ServiceRecord = {
  project: string;
  location: string;
  id: string;
  uid: string;
  createTime: string;
  updateTime: string;
  creator: string;
  lastModifier: string;
  generation: number;
  observedGeneration: number;
  /** Client-owned fields echoed back as sent (description, labels, annotations, scaling…). */
  fields: Record<string, unknown>;
  template: Record<string, unknown>;
  /** The traffic as asked for… */
  traffic: TrafficTarget[];
  /** …and as in effect, LATEST resolved to the revision it reached then. */
  trafficStatuses: (TrafficTarget & { resolved?: string })[];
  revisions: Map<string, RevisionRecord>;
  nextIndex: number;
  latestCreated?: string;
  latestReady?: string;
  terminal: ConditionRecord;
  configurationsReady: ConditionRecord;
  routesReady: ConditionRecord;
  reconciling: boolean;
  frontend: TrafficFrontend;
  tagUris: Record<string, string>;
  /** Reconciliations of one service run one after the other, as they do in Cloud Run's controller. */
  queue: Promise<unknown>;
};

export function parentOf(service: Pick<ServiceRecord, "project" | "location">): string {
  return `projects/${service.project}/locations/${service.location}`;
}

export function serviceName(record: Pick<ServiceRecord, "project" | "location" | "id">): string {
  return `projects/${record.project}/locations/${record.location}/services/${record.id}`;
}

/** Changes with every generation, as Cloud Run's does; opaque to clients, who send it back as a precondition. */
export function serviceEtag(record: Pick<ServiceRecord, "uid" | "generation">): string {
  return `"${createHash("sha256").update(`${record.uid}/${record.generation}`).digest("base64url").slice(0, 27)}"`;
}

/** The condition moved to `next`; its transition time changes only when its state does. */
export function transition(condition: ConditionRecord, next: Omit<ConditionRecord, "type" | "lastTransitionTime">): ConditionRecord {
  const changed = condition.state !== next.state;
  return { type: condition.type, ...next, lastTransitionTime: changed ? new Date().toISOString() : condition.lastTransitionTime };
}

export function newCondition(type: string, state: number): ConditionRecord {
  return { type, state, lastTransitionTime: new Date().toISOString() };
}

/** A service as createService records it before its first reconciliation. */
export function newServiceRecord({
  project,
  location,
  id,
  caller,
  frontend,
}: Pick<ServiceRecord, "project" | "location" | "id" | "frontend"> & { caller: string }): ServiceRecord {
  const now = new Date().toISOString();
  return {
    project,
    location,
    id,
    uid: randomUUID(),
    createTime: now,
    updateTime: now,
    creator: caller,
    lastModifier: caller,
    generation: 0,
    observedGeneration: 0,
    fields: {},
    template: {},
    traffic: [],
    trafficStatuses: [],
    revisions: new Map(),
    nextIndex: 1,
    terminal: newCondition("Ready", ConditionState.RECONCILING),
    configurationsReady: newCondition("ConfigurationsReady", ConditionState.RECONCILING),
    routesReady: newCondition("RoutesReady", ConditionState.RECONCILING),
    reconciling: true,
    frontend,
    tagUris: {},
    queue: Promise.resolve(),
  };
}

/** A revision as an update creates it: its template without the name, its one container's image and env. */
export function newRevisionRecord({
  name,
  template: { revision: _name, ...template },
  templateKey,
  logFile,
  logUri,
}: Pick<RevisionRecord, "name" | "template" | "templateKey" | "logFile" | "logUri">): RevisionRecord {
  const container = (template.containers as { image: string; env?: { name: string; value?: string }[] }[])[0]!;
  return {
    name,
    uid: randomUUID(),
    createTime: new Date().toISOString(),
    template,
    templateKey,
    image: container.image,
    env: Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value ?? ""])),
    ready: newCondition("Ready", ConditionState.RECONCILING),
    logFile,
    logUri,
  };
}
