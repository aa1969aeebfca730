// The one error type. Codes map to HTTP in lib/api/problem.ts and nowhere else.
export type AppErrorCode =
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unavailable"
  | "internal";

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields?: FieldError[];
  /** Extra members of the problem document, e.g. the id of the deployment that holds a target. */
  readonly extra?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, options: { fields?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.extra = options.extra;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
