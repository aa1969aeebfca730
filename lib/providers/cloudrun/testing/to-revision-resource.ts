// A revision record as the v2 API renders a Revision: its template's settings at the top level (containers,
// scaling, timeout…), its conditions, the service it belongs to and where its logs are.
import { ConditionState } from "./cloud-run-enums";
import { type RevisionRecord, type ServiceRecord, serviceName } from "./cloud-run-records";
import { toConditionResource } from "./to-service-resource";

export function toRevisionResource(service: ServiceRecord, revision: RevisionRecord): Record<string, unknown> {
  const { labels, annotations, ...settings } = revision.template;
  const ready = revision.ready;
  // Cloud Run reports these beside Ready; they follow it here (one container, no separate resource checks).
  const follows = (type: string) => ({ ...ready, type });
  return {
    name: `${serviceName(service)}/revisions/${revision.name}`,
    uid: revision.uid,
    generation: "1",
    labels: labels ?? {},
    annotations: annotations ?? {},
    createTime: revision.createTime,
    updateTime: revision.createTime,
    service: serviceName(service),
    ...settings,
    conditions: [ready, follows("ContainerHealthy"), follows("ResourcesAvailable")].map(toConditionResource),
    observedGeneration: "1",
    reconciling: ready.state === ConditionState.PENDING || ready.state === ConditionState.RECONCILING,
    logUri: revision.logUri,
    etag: `"${revision.uid.slice(0, 8)}"`,
  };
}
