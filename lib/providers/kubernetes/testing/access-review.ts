// SelfSubjectAccessReview (`POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews`): what a
// "test connection" asks before acting — may I patch deployments in this namespace? Answered from the
// same RBAC refusals the requests themselves meet.
import { readJson, sendJson } from "./http-io";
import type { RequestScope } from "./request-scope";

type ResourceAttributes = { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string };

export async function handleAccessReview(scope: RequestScope): Promise<void> {
  const body = (await readJson(scope.req)) as { spec?: { resourceAttributes?: ResourceAttributes } };
  const attributes = body.spec?.resourceAttributes ?? {};
  const denied = scope.faults.isDenied({
    user: scope.user,
    verb: attributes.verb ?? "",
    resource: attributes.resource ?? "",
    subresource: attributes.subresource || undefined,
    namespace: attributes.namespace || undefined,
  });
  sendJson(scope.res, 201, {
    kind: "SelfSubjectAccessReview",
    apiVersion: "authorization.k8s.io/v1",
    metadata: { creationTimestamp: null },
    spec: body.spec ?? {},
    status: denied
      ? { allowed: false, denied: true, reason: "denied by the test cluster's RBAC fault" }
      : { allowed: true, reason: "test cluster: all users are cluster-admin unless a fault denies it" },
  });
}
