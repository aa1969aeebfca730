// Failures on demand, for the tests of whatever drives the test server: IAM refusals naming a permission,
// exhausted quota, a revision that never becomes ready, an operation that fails. Each fault stays until
// cleared, or for `times` requests when given.
import { errorInfo, GoogleApiError, permissionDenied } from "./google-api-error";
import { type CloudRunRoute, routeResource } from "./parse-cloud-run-path";

const READ_METHODS = new Set(["listServices", "getService", "listRevisions", "getRevision", "getOperation"]);

/** The handle a test holds (`server.faults`). */
export type CloudRunFaultControls = {
  /** Requests that need `permission` (e.g. `run.services.update`) answer 403 PERMISSION_DENIED naming it. */
  denyPermission: (permission: string, options?: { times?: number }) => void;
  /** Requests (of one RPC, e.g. `updateService`, or all) answer 429 RESOURCE_EXHAUSTED. */
  exhaustQuota: (options?: { method?: CloudRunRoute["method"]; times?: number }) => void;
  /** The revision of that name (created later) fails to become ready, with Cloud Run's message or this one. */
  failRevision: (revision: string, options?: { message?: string }) => void;
  /** The next service operation ends with this error (code 13 INTERNAL by default) and changes nothing. */
  failNextOperation: (options?: { message?: string }) => void;
  /** Removes every fault. */
  clear: () => void;
};

/** What the server asks of the faults on each request and reconciliation. */
export type CloudRunFaults = CloudRunFaultControls & {
  /** Throws the refusal a fault prescribes for this request, if any. */
  checkRequest: (route: CloudRunRoute) => void;
  /** Whether a denyPermission fault holds `permission` now (testIamPermissions leaves it out; nothing is consumed). */
  isDenied: (permission: string) => boolean;
  /** The forced failure message of `revision` (undefined: none; "" : Cloud Run's own message). */
  revisionFailure: (revision: string) => string | undefined;
  /** Consumes the pending operation failure, if any. */
  takeOperationFailure: () => GoogleApiError | undefined;
};

type Counted = { remaining: number };

function consume(fault: Counted | undefined): boolean {
  if (!fault || fault.remaining <= 0) return false;
  fault.remaining -= 1;
  return true;
}

export function createCloudRunFaults(): CloudRunFaults {
  const denied = new Map<string, Counted>();
  const quota = new Map<string, Counted>();
  const revisions = new Map<string, string>();
  let operationFailure: GoogleApiError | undefined;

  return {
    denyPermission: (permission, options) => void denied.set(permission, { remaining: options?.times ?? Infinity }),
    exhaustQuota: (options) => void quota.set(options?.method ?? "*", { remaining: options?.times ?? Infinity }),
    failRevision: (revision, options) => void revisions.set(revision, options?.message ?? ""),
    failNextOperation: (options) =>
      void (operationFailure = new GoogleApiError(
        "INTERNAL",
        options?.message ?? "Internal error encountered while reconciling the service.",
      )),
    clear: () => {
      denied.clear();
      quota.clear();
      revisions.clear();
      operationFailure = undefined;
    },
    checkRequest: (route) => {
      if (consume(denied.get(route.permission))) throw permissionDenied({ permission: route.permission, resource: routeResource(route) });
      if (consume(quota.get(route.method)) || consume(quota.get("*"))) {
        const kind = READ_METHODS.has(route.method) ? "Read" : "Write";
        throw new GoogleApiError(
          "RESOURCE_EXHAUSTED",
          `Quota exceeded for quota metric '${kind} requests' and limit '${kind} requests per minute per region' of service 'run.googleapis.com' for consumer 'project:${route.project}'.`,
          [
            errorInfo({
              reason: "RATE_LIMIT_EXCEEDED",
              domain: "googleapis.com",
              metadata: {
                service: "run.googleapis.com",
                quota_metric: `run.googleapis.com/${kind.toLowerCase()}_requests`,
                consumer: `projects/${route.project}`,
              },
            }),
          ],
        );
      }
    },
    isDenied: (permission) => (denied.get(permission)?.remaining ?? 0) > 0,
    revisionFailure: (revision) => revisions.get(revision),
    takeOperationFailure: () => {
      const failure = operationFailure;
      operationFailure = undefined;
      return failure;
    },
  };
}
