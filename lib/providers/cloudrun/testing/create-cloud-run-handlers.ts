// One handler per RPC: reads answer the resources as they are now, mutations go through the controller (or,
// for deletions, here) and answer a long-running operation.
import { ConditionState, TrafficType } from "./cloud-run-enums";
import type { CloudRunController } from "./cloud-run-controller";
import type { CloudRunFaults } from "./create-cloud-run-faults";
import { parentOf, serviceEtag } from "./cloud-run-records";
import type { OperationRegistry } from "./create-operation-registry";
import { GoogleApiError, resourceNotFound } from "./google-api-error";
import type { CloudRunMethod, CloudRunRoute } from "./parse-cloud-run-path";
import { parseServiceBody } from "./service-body-schema";
import { toRevisionResource } from "./to-revision-resource";
import { toServiceResource } from "./to-service-resource";

export type CloudRunCall = { route: CloudRunRoute; query: URLSearchParams; body: unknown; caller: string };
export type CloudRunHandlers = Record<CloudRunMethod, (call: CloudRunCall) => Promise<unknown> | unknown>;

/** A page of `items` as the v2 list RPCs answer it; the page token is the offset, opaque to clients. */
function page<T>(items: T[], query: URLSearchParams): { items: T[]; nextPageToken: string } {
  const offset = Number(Buffer.from(query.get("pageToken") ?? "", "base64url").toString() || 0);
  const size = Number(query.get("pageSize") ?? 0) || items.length || 1;
  const end = offset + size;
  return { items: items.slice(offset, end), nextPageToken: end < items.length ? Buffer.from(String(end)).toString("base64url") : "" };
}

function refuseUnsupported(query: URLSearchParams): void {
  for (const parameter of ["validateOnly", "updateMask"]) {
    if (query.has(parameter) && query.get(parameter) !== "false") {
      throw new GoogleApiError(
        "UNIMPLEMENTED",
        `The Cloud Run test server does not support ${parameter}; send the whole service without it.`,
      );
    }
  }
}

export function createCloudRunHandlers({
  controller,
  operations,
  faults,
}: {
  controller: CloudRunController;
  operations: OperationRegistry;
  faults: CloudRunFaults;
}): CloudRunHandlers {
  const revisionOf = (route: CloudRunRoute) => {
    const service = controller.find(route);
    const revision = service.revisions.get(route.revision ?? "");
    if (!revision) throw resourceNotFound({ kind: "REVISION", id: route.revision ?? "", location: route.location, project: route.project });
    return { service, revision };
  };
  return {
    listServices: ({ route, query }) => {
      const parent = `projects/${route.project}/locations/${route.location}`;
      const all = [...controller.services.values()].filter((s) => parentOf(s) === parent);
      const { items, nextPageToken } = page(all, query);
      return { services: items.map(toServiceResource), nextPageToken };
    },
    createService: ({ route, query, body, caller }) => {
      refuseUnsupported(query);
      return controller.create({ route, serviceId: query.get("serviceId") ?? "", body: parseServiceBody(body), caller });
    },
    getService: ({ route }) => toServiceResource(controller.find(route)),
    updateService: ({ route, query, body, caller }) => {
      refuseUnsupported(query);
      const service = parseServiceBody(body);
      const exists = controller.services.has(`projects/${route.project}/locations/${route.location}/services/${route.service}`);
      if (!exists && query.get("allowMissing") === "true")
        return controller.create({ route, serviceId: route.service ?? "", body: service, caller });
      return controller.update({ route, body: service, caller });
    },
    deleteService: ({ route, query }) => {
      refuseUnsupported(query);
      const service = controller.find(route);
      const etag = query.get("etag");
      if (etag && etag !== serviceEtag(service))
        throw new GoogleApiError("FAILED_PRECONDITION", `The etag ${etag} does not match the service's current etag.`);
      controller.services.delete(`${parentOf(service)}/services/${service.id}`);
      const last = toServiceResource(service);
      const work = service.queue
        .catch(() => undefined)
        .then(async () => {
          await Promise.allSettled([...service.revisions.values()].map((r) => r.runtime?.stop()));
          await service.frontend.close();
          return last;
        });
      return operations.start({ parent: parentOf(service), type: "Service", current: () => last, work });
    },
    listRevisions: ({ route, query }) => {
      const service = controller.find(route);
      const newestFirst = [...service.revisions.values()].reverse();
      const { items, nextPageToken } = page(newestFirst, query);
      return { revisions: items.map((r) => toRevisionResource(service, r)), nextPageToken };
    },
    getRevision: ({ route }) => {
      const { service, revision } = revisionOf(route);
      return toRevisionResource(service, revision);
    },
    deleteRevision: ({ route, query }) => {
      refuseUnsupported(query);
      const { service, revision } = revisionOf(route);
      const latest = service.latestReady === revision.name && service.traffic.some((t) => t.type === TrafficType.LATEST && t.percent > 0);
      if (latest || service.traffic.some((t) => t.revision === revision.name && (t.percent > 0 || t.tag))) {
        throw new GoogleApiError(
          "FAILED_PRECONDITION",
          `Revision '${revision.name}' cannot be deleted because it is serving traffic or is tagged.`,
        );
      }
      if (revision.ready.state === ConditionState.RECONCILING && service.latestCreated === revision.name) {
        throw new GoogleApiError("FAILED_PRECONDITION", `Revision '${revision.name}' is still being created.`);
      }
      const last = toRevisionResource(service, revision);
      service.revisions.delete(revision.name);
      const work = (revision.runtime?.stop() ?? Promise.resolve()).then(() => last);
      return operations.start({ parent: parentOf(service), type: "Revision", current: () => last, work });
    },
    // The one service account may do everything, except what a denyPermission fault takes away.
    testIamPermissions: ({ route, body }) => {
      controller.find(route);
      const asked = (body as { permissions?: unknown }).permissions;
      const permissions = Array.isArray(asked) ? asked.filter((p): p is string => typeof p === "string") : [];
      return { permissions: permissions.filter((p) => !faults.isDenied(p)) };
    },
    getOperation: ({ route }) => operations.get(`projects/${route.project}/locations/${route.location}/operations/${route.operation}`),
  };
}
