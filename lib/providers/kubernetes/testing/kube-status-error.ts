// Errors as the API server reports them: a `Status` object with the reason, code and details a client
// switches on (client-node's ApiException carries `code` and this body; kubectl prints `message`).
import { type ResourceKind, qualifiedName } from "./resource-kinds";

export type StatusCause = { reason: string; message: string; field: string };

export type StatusBody = {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure";
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
};

export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusBody["details"],
  ) {
    super(message);
  }

  toStatus(): StatusBody {
    const body: StatusBody = {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    if (this.details) body.details = this.details;
    return body;
  }
}

function detailsOf(resource: ResourceKind, name?: string): StatusBody["details"] {
  return { ...(name ? { name } : {}), ...(resource.group ? { group: resource.group } : {}), kind: resource.plural };
}

export const kubeErrors = {
  notFound: (resource: ResourceKind, name: string) =>
    new KubeStatusError(404, "NotFound", `${qualifiedName(resource)} "${name}" not found`, detailsOf(resource, name)),
  alreadyExists: (resource: ResourceKind, name: string) =>
    new KubeStatusError(409, "AlreadyExists", `${qualifiedName(resource)} "${name}" already exists`, detailsOf(resource, name)),
  conflict: (resource: ResourceKind, name: string) =>
    new KubeStatusError(
      409,
      "Conflict",
      `Operation cannot be fulfilled on ${qualifiedName(resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      detailsOf(resource, name),
    ),
  invalid: (resource: ResourceKind, name: string, causes: StatusCause[]) =>
    new KubeStatusError(
      422,
      "Invalid",
      `${resource.kind}${resource.group ? `.${resource.group}` : ""} "${name}" is invalid: ${causes.map((c) => `${c.field}: ${c.message}`).join(", ")}`,
      { ...detailsOf(resource, name), kind: resource.kind, causes },
    ),
  forbidden: ({ resource, name, namespace, user, verb, subresource }: ForbiddenInput) =>
    new KubeStatusError(
      403,
      "Forbidden",
      `${qualifiedName(resource)}${name ? ` "${name}"` : ""} is forbidden: User "${user}" cannot ${verb} resource "${resource.plural}${subresource ? `/${subresource}` : ""}" in API group "${resource.group}"${namespace ? ` in the namespace "${namespace}"` : " at the cluster scope"}`,
      detailsOf(resource, name),
    ),
  /** A patch that cannot apply: 422 without causes, as the API server answers it. */
  unprocessable: (message: string) => new KubeStatusError(422, "Invalid", message),
  unauthorized: () => new KubeStatusError(401, "Unauthorized", "Unauthorized"),
  tooManyRequests: (retryAfterSeconds: number) =>
    new KubeStatusError(429, "TooManyRequests", "Too many requests, please try again later.", { retryAfterSeconds }),
  internal: (message: string) => new KubeStatusError(500, "InternalError", `Internal error occurred: ${message}`),
  unavailable: (message: string) => new KubeStatusError(503, "ServiceUnavailable", message),
  badRequest: (message: string) => new KubeStatusError(400, "BadRequest", message),
  methodNotAllowed: (message: string) => new KubeStatusError(405, "MethodNotAllowed", message),
  unsupportedMediaType: (accepted: string[]) =>
    new KubeStatusError(
      415,
      "UnsupportedMediaType",
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
    ),
  gone: (message: string) => new KubeStatusError(410, "Expired", message),
};

type ForbiddenInput = { resource: ResourceKind; name?: string; namespace?: string; user: string; verb: string; subresource?: string };
