// Errors as Google APIs send them: `{ error: { code, message, status, details } }` with the HTTP status in
// `code`, the canonical name in `status` and typed `details`. google-gax maps `status` to a GoogleError's
// numeric `code` (PERMISSION_DENIED → 7, NOT_FOUND → 5...), so these must be the canonical names.

const HTTP_STATUS = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  ABORTED: 409,
  RESOURCE_EXHAUSTED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
  UNKNOWN: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
} as const;

/** The gRPC code of each status name (google.rpc.Code), for errors carried inside an Operation. */
export const RPC_CODE: Record<GoogleStatus, number> = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};

export type GoogleStatus = keyof typeof HTTP_STATUS;

/** A google.rpc.ErrorInfo detail, the one detail type clients read (reason, domain, metadata). */
export function errorInfo({ reason, domain, metadata }: { reason: string; domain: string; metadata?: Record<string, string> }) {
  return { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, domain, metadata: metadata ?? {} };
}

export class GoogleApiError extends Error {
  readonly status: GoogleStatus;
  readonly details: unknown[];

  constructor(status: GoogleStatus, message: string, details: unknown[] = []) {
    super(message);
    this.status = status;
    this.details = details;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.status];
  }

  /** The JSON body of an HTTP error answer. */
  toBody(): { error: { code: number; message: string; status: GoogleStatus; details: unknown[] } } {
    return { error: { code: this.httpStatus, message: this.message, status: this.status, details: this.details } };
  }

  /** The google.rpc.Status of a failed Operation (`code` is the gRPC code there, not the HTTP one). */
  toRpcStatus(): { code: number; message: string; details: unknown[] } {
    return { code: RPC_CODE[this.status], message: this.message, details: this.details };
  }
}

/** Cloud Run's own wording for a missing resource, e.g. kind SERVICE or REVISION. */
export function resourceNotFound({ kind, id, location, project }: { kind: string; id: string; location: string; project: string }) {
  return new GoogleApiError(
    "NOT_FOUND",
    `Resource '${id}' of kind '${kind}' in region '${location}' in project '${project}' does not exist.`,
  );
}

/** IAM's refusal: the message and the ErrorInfo both name the permission that was missing. */
export function permissionDenied({ permission, resource }: { permission: string; resource: string }) {
  return new GoogleApiError("PERMISSION_DENIED", `Permission '${permission}' denied on resource '${resource}' (or it may not exist).`, [
    errorInfo({ reason: "IAM_PERMISSION_DENIED", domain: "iam.googleapis.com", metadata: { permission, resource } }),
  ]);
}
