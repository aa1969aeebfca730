// What a createService/updateService asks for, decided before anything changes: whether it creates a
// revision (and its name), the template as stored, and the traffic split, or the error Cloud Run answers.
// Cloud Run creates a revision when the template differs from the latest one or names a new revision; the
// name of an existing revision with the same configuration changes nothing (idempotent), with another
// configuration it is 409 "Revision named '…' with different configuration already exists.".
import { toTrafficType, TrafficType } from "./cloud-run-enums";
import { GoogleApiError } from "./google-api-error";
import { normalizeRevisionTemplate } from "./normalize-revision-template";
import type { ServiceBody, TemplateBody } from "./service-body-schema";

export type TrafficTarget = { type: number; revision?: string; percent: number; tag?: string };

export type ServiceUpdatePlan = {
  /** The template as stored and echoed back: what was sent, with Cloud Run's defaults filled in. */
  template: Record<string, unknown>;
  /** The configuration of the template, without its revision name: equal keys, same revision. */
  templateKey: string;
  /** Set when the update creates a revision. */
  newRevision?: string;
  traffic: TrafficTarget[];
};

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const RESERVED_ENV = ["PORT", "K_SERVICE", "K_REVISION", "K_CONFIGURATION"];

const invalid = (message: string) => new GoogleApiError("INVALID_ARGUMENT", message);

function checkTemplate(template: TemplateBody): void {
  const reserved = (template.containers[0]?.env ?? []).map((e) => e.name).filter((name) => RESERVED_ENV.includes(name));
  if (reserved.length > 0) {
    throw invalid(
      `The following reserved env names were provided: ${reserved.join(", ")}. These values are automatically set by the system.`,
    );
  }
}

function chooseRevision({
  serviceId,
  requested,
  templateKey,
  revisions,
  latestCreated,
  nextIndex,
  suffix,
}: {
  serviceId: string;
  requested: string | undefined;
  templateKey: string;
  revisions: Map<string, string>;
  latestCreated: string | undefined;
  nextIndex: number;
  suffix: string;
}): string | undefined {
  if (!requested) {
    if (latestCreated && revisions.get(latestCreated) === templateKey) return undefined;
    return `${serviceId}-${String(nextIndex).padStart(5, "0")}-${suffix}`;
  }
  if (!DNS_LABEL.test(requested) || requested.length > 63 || !requested.startsWith(`${serviceId}-`)) {
    throw invalid(
      `service.template.revision: '${requested}' must be a lowercase DNS label of at most 63 characters beginning with '${serviceId}-', the name of its service followed by '-'.`,
    );
  }
  const existing = revisions.get(requested);
  if (existing === undefined) return requested;
  if (existing === templateKey) return undefined;
  throw new GoogleApiError("ALREADY_EXISTS", `Revision named '${requested}' with different configuration already exists.`);
}

function planTraffic({
  traffic,
  revisions,
  newRevision,
}: {
  traffic: ServiceBody["traffic"];
  revisions: Map<string, string>;
  newRevision?: string;
}) {
  const requested = traffic?.length ? traffic : [{ type: TrafficType.LATEST, percent: 100 }];
  const tags = new Set<string>();
  const planned = requested.map((target, index): TrafficTarget => {
    const revision = target.revision ? target.revision.split("/").pop() : undefined;
    let type = toTrafficType(target.type);
    if (type === undefined) throw invalid(`service.traffic[${index}].type: unknown allocation type ${String(target.type)}`);
    if (type === TrafficType.UNSPECIFIED) type = revision ? TrafficType.REVISION : TrafficType.LATEST;
    if (type === TrafficType.REVISION && !revision)
      throw invalid(`service.traffic[${index}].revision: required for allocation by revision`);
    if (type === TrafficType.LATEST && revision)
      throw invalid(`service.traffic[${index}]: a target may not name a revision and the latest revision`);
    if (revision && revision !== newRevision && !revisions.has(revision)) {
      throw new GoogleApiError("NOT_FOUND", `Revision '${revision}' named in service.traffic[${index}] does not exist.`);
    }
    if (target.tag !== undefined && target.tag !== "") {
      if (!DNS_LABEL.test(target.tag) || target.tag.length > 46)
        throw invalid(`service.traffic[${index}].tag: '${target.tag}' is not a valid tag`);
      if (tags.has(target.tag)) throw invalid(`service.traffic[${index}].tag: '${target.tag}' is used twice`);
      tags.add(target.tag);
    }
    return { type, ...(revision ? { revision } : {}), percent: target.percent ?? 0, ...(target.tag ? { tag: target.tag } : {}) };
  });
  const sum = planned.reduce((total, target) => total + target.percent, 0);
  if (sum !== 100) throw invalid(`service.traffic: Traffic targets sum to ${sum}, want 100`);
  return planned;
}

/** `revisions` maps each existing revision's name to its template key. */
export function planServiceUpdate({
  serviceId,
  body,
  revisions,
  latestCreated,
  nextIndex,
  suffix,
}: {
  serviceId: string;
  body: ServiceBody;
  revisions: Map<string, string>;
  latestCreated?: string;
  nextIndex: number;
  /** Three random lowercase characters, as Cloud Run ends generated revision names. */
  suffix: string;
}): ServiceUpdatePlan {
  checkTemplate(body.template);
  const { template, templateKey } = normalizeRevisionTemplate(body.template);
  const requested = template.revision as string | undefined;
  const newRevision = chooseRevision({
    serviceId,
    requested,
    templateKey,
    revisions,
    latestCreated,
    nextIndex,
    suffix,
  });
  const traffic = planTraffic({ traffic: body.traffic, revisions, newRevision });
  return { template, templateKey, ...(newRevision ? { newRevision } : {}), traffic };
}
