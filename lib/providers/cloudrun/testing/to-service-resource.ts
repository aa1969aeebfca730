// A service record as the v2 API renders a Service: int64 as strings, timestamps in RFC 3339, enums as
// integers, revision references as resource names, the traffic as asked for and as in effect.
import { type ConditionRecord, type ServiceRecord, serviceEtag, serviceName } from "./cloud-run-records";

export function toConditionResource(condition: ConditionRecord): Record<string, unknown> {
  const { reason, revisionReason, ...rest } = condition;
  return { ...rest, ...(reason !== undefined ? { reason } : revisionReason !== undefined ? { revisionReason } : {}) };
}

export function toServiceResource(record: ServiceRecord): Record<string, unknown> {
  const name = serviceName(record);
  const revisionName = (revision: string | undefined) => (revision ? `${name}/revisions/${revision}` : "");
  return {
    ...record.fields,
    name,
    uid: record.uid,
    generation: String(record.generation),
    createTime: record.createTime,
    updateTime: record.updateTime,
    creator: record.creator,
    lastModifier: record.lastModifier,
    template: record.template,
    traffic: record.traffic,
    urls: [record.frontend.uri],
    uri: record.frontend.uri,
    observedGeneration: String(record.observedGeneration),
    terminalCondition: toConditionResource(record.terminal),
    conditions: [toConditionResource(record.configurationsReady), toConditionResource(record.routesReady)],
    latestReadyRevision: revisionName(record.latestReady),
    latestCreatedRevision: revisionName(record.latestCreated),
    trafficStatuses: record.trafficStatuses.map(({ resolved: _resolved, ...status }) => ({
      ...status,
      ...(status.tag && record.tagUris[status.tag] ? { uri: record.tagUris[status.tag] } : {}),
    })),
    reconciling: record.reconciling,
    etag: serviceEtag(record),
  };
}
