// The mutations of the API: create, update and delete a service, delete a revision. Each checks what Cloud
// Run checks synchronously (existence, etag, the plan of plan-service-update.ts), records the change, and
// returns a long-running operation whose work is the service's next reconciliation.
import { ConditionState } from "./cloud-run-enums";
import {
  newRevisionRecord,
  newServiceRecord,
  parentOf,
  type ServiceRecord,
  serviceEtag,
  serviceName,
  transition,
} from "./cloud-run-records";
import type { CloudRunFaults } from "./create-cloud-run-faults";
import type { OperationRegistry, OperationResource } from "./create-operation-registry";
import type { RequestObservation } from "./create-cloud-run-exposition";
import { createTrafficFrontend } from "./create-traffic-frontend";
import { GoogleApiError, resourceNotFound } from "./google-api-error";
import type { CloudRunRoute } from "./parse-cloud-run-path";
import { planServiceUpdate } from "./plan-service-update";
import { reconcileService, type RuntimeStarter } from "./reconcile-service";
import type { ServiceBody } from "./service-body-schema";
import { toServiceResource } from "./to-service-resource";

// Cloud Run ends generated revision names with three random lowercase letters or digits.
const suffix = () => Math.random().toString(36).slice(2, 5).padEnd(3, "0");

export class CloudRunController {
  readonly services = new Map<string, ServiceRecord>();
  private readonly stopping = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      operations: OperationRegistry;
      faults: CloudRunFaults;
      start: RuntimeStarter;
      logUriOf: (service: string, revision: string) => string;
      logFileOf: (service: string, revision: string) => string;
      observe?: (request: RequestObservation) => void;
      onRoute?: (service: string, split: { revision: string; percent: number }[]) => void;
    },
  ) {}

  find(route: CloudRunRoute): ServiceRecord {
    const service = this.services.get(serviceName({ project: route.project, location: route.location, id: route.service ?? "" }));
    if (!service) throw resourceNotFound({ kind: "SERVICE", id: route.service ?? "", location: route.location, project: route.project });
    return service;
  }

  async create({
    route,
    serviceId,
    body,
    caller,
  }: {
    route: CloudRunRoute;
    serviceId: string;
    body: ServiceBody;
    caller: string;
  }): Promise<OperationResource> {
    if (!/^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/.test(serviceId)) {
      throw new GoogleApiError("INVALID_ARGUMENT", `serviceId: '${serviceId}' must be a lowercase DNS label of at most 49 characters.`);
    }
    const name = serviceName({ project: route.project, location: route.location, id: serviceId });
    if (this.services.has(name)) throw new GoogleApiError("ALREADY_EXISTS", `Resource '${serviceId}' already exists.`);
    const plan = planServiceUpdate({ serviceId, body, revisions: new Map(), nextIndex: 1, suffix: suffix() });
    const frontend = await createTrafficFrontend({
      service: serviceId,
      observe: this.options.observe,
      onRoute: this.options.onRoute && ((split) => this.options.onRoute!(serviceId, split)),
    });
    if (this.services.has(name)) {
      await frontend.close();
      throw new GoogleApiError("ALREADY_EXISTS", `Resource '${serviceId}' already exists.`);
    }
    const service = newServiceRecord({ project: route.project, location: route.location, id: serviceId, caller, frontend });
    this.services.set(name, service);
    return this.apply({ service, body, caller, plan });
  }

  update({ route, body, caller }: { route: CloudRunRoute; body: ServiceBody; caller: string }): OperationResource {
    const service = this.find(route);
    if (body.etag && body.etag !== serviceEtag(service)) {
      throw new GoogleApiError(
        "FAILED_PRECONDITION",
        `The etag ${body.etag} does not match the service's current etag ${serviceEtag(service)}: it changed since it was read.`,
      );
    }
    const revisions = new Map([...service.revisions.values()].map((r) => [r.name, r.templateKey]));
    const plan = planServiceUpdate({
      serviceId: service.id,
      body,
      revisions,
      latestCreated: service.latestCreated,
      nextIndex: service.nextIndex,
      suffix: suffix(),
    });
    return this.apply({ service, body, caller, plan });
  }

  private apply({
    service,
    body,
    caller,
    plan,
  }: {
    service: ServiceRecord;
    body: ServiceBody;
    caller: string;
    plan: ReturnType<typeof planServiceUpdate>;
  }): OperationResource {
    const { description, labels, annotations } = body;
    Object.assign(service, {
      fields: { description, labels: labels ?? {}, annotations: annotations ?? {} },
      template: plan.template,
      traffic: plan.traffic,
      generation: service.generation + 1,
      updateTime: new Date().toISOString(),
      lastModifier: caller,
      reconciling: true,
      terminal: transition(service.terminal, { state: ConditionState.RECONCILING }),
    });
    const created = plan.newRevision;
    if (created) this.addRevision(service, created, plan);
    const generation = service.generation;
    const failure = this.options.faults.takeOperationFailure();
    const start = this.options.start;
    const track = (stopping: Promise<void>) => (this.stopping.add(stopping), void stopping.finally(() => this.stopping.delete(stopping)));
    const work = service.queue
      .catch(() => undefined)
      .then(() => reconcileService({ service, generation, created, failure, start, track }))
      .then(() => toServiceResource(service));
    service.queue = work;
    return this.options.operations.start({ parent: parentOf(service), type: "Service", current: () => toServiceResource(service), work });
  }

  private addRevision(service: ServiceRecord, name: string, plan: ReturnType<typeof planServiceUpdate>): void {
    const { logFileOf, logUriOf } = this.options;
    const log = { logFile: logFileOf(service.id, name), logUri: logUriOf(service.id, name) };
    service.revisions.set(name, newRevisionRecord({ name, template: plan.template, templateKey: plan.templateKey, ...log }));
    service.latestCreated = name;
    service.nextIndex += 1;
  }

  /** The process groups of running revisions, for a last-resort kill when the owning process exits abruptly. */
  runningGroups(): number[] {
    return [...this.services.values()].flatMap((s) => [...s.revisions.values()].flatMap((r) => (r.runtime?.pid ? [r.runtime.pid] : [])));
  }

  /** Stops every revision's processes and closes every URL; the server is unusable after. */
  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.services.values()].map((s) => s.queue));
    for (const service of this.services.values()) {
      for (const revision of service.revisions.values()) if (revision.runtime) this.stopping.add(revision.runtime.stop());
      this.stopping.add(service.frontend.close());
    }
    await Promise.allSettled([...this.stopping]);
  }
}
