// A Cloud Run API failure (google-gax GoogleError: gRPC code, message, ErrorInfo) as the AppError a person
// can act on: what was refused, why, and what to change. The original message is kept at the end.
import { AppError } from "@/lib/api/app-error";

type GoogleErrorLike = { code?: unknown; message?: string; reason?: string; errorInfoMetadata?: Record<string, string> };

/** gRPC codes (google.rpc.Code) the Cloud Run API answers with. */
export const GrpcCode = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export function grpcCodeOf(error: unknown): number | undefined {
  const code = (error as GoogleErrorLike | null)?.code;
  return typeof code === "number" ? code : undefined;
}

/** Safe to send again: the request changed nothing (quota, an unreachable or overloaded API). */
export function isRetryable(error: unknown): boolean {
  const code = grpcCodeOf(error);
  return code === GrpcCode.RESOURCE_EXHAUSTED || code === GrpcCode.UNAVAILABLE || code === GrpcCode.DEADLINE_EXCEEDED;
}

/** The AppError, with the GoogleError it came from as its `cause` (callers look at its code). */
export function toProviderError({ error, action, principal }: { error: unknown; action: string; principal: string }): AppError {
  if (error instanceof AppError) return error;
  return Object.assign(describe({ error, action, principal }), { cause: error });
}

/** The gRPC code behind an error, whether a GoogleError or an AppError made of one. */
export function causeCodeOf(error: unknown): number | undefined {
  return grpcCodeOf(error instanceof AppError ? error.cause : error);
}

function describe({ error, action, principal }: { error: unknown; action: string; principal: string }): AppError {
  const e = (error ?? {}) as GoogleErrorLike;
  const said = e.message ?? String(error);
  const code = grpcCodeOf(error);
  switch (code) {
    case GrpcCode.PERMISSION_DENIED: {
      const permission = e.errorInfoMetadata?.permission;
      const what = permission ? `permission ${permission}` : "permission";
      return new AppError(
        "forbidden",
        `Cloud Run refused ${what} to ${principal} while trying to ${action}: grant the service account a role that includes it (roles/run.developer for deploys) on the project. Google said: ${said}`,
        { extra: { permission: permission ?? null } },
      );
    }
    case GrpcCode.UNAUTHENTICATED:
      return new AppError(
        "unavailable",
        `Cloud Run did not accept the credentials of ${principal} while trying to ${action}: check the key (it may be revoked). Google said: ${said}`,
      );
    case GrpcCode.NOT_FOUND:
      return new AppError(
        "not_found",
        `Cloud Run could not ${action}: check the target's project, region and service. Google said: ${said}`,
      );
    case GrpcCode.RESOURCE_EXHAUSTED:
      return new AppError(
        "unavailable",
        `Cloud Run quota exceeded while trying to ${action} (retried with backoff): raise the quota or deploy less often. Google said: ${said}`,
      );
    case GrpcCode.FAILED_PRECONDITION:
    case GrpcCode.ALREADY_EXISTS:
    case GrpcCode.ABORTED:
      return new AppError("conflict", `Cloud Run could not ${action}: ${said}`);
    case GrpcCode.INVALID_ARGUMENT:
      return new AppError("validation", `Cloud Run refused the request to ${action}: ${said}`);
    default:
      return new AppError("unavailable", `Cloud Run failed to ${action}${code !== undefined ? ` (code ${code})` : ""}: ${said}`);
  }
}
