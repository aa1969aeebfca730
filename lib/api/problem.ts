// AppError → application/problem+json, once for every route.
import { ZodError } from "zod";
import { AppError, type AppErrorCode, isAppError } from "./app-error";
import { dependencyAdvice, unreachableDependency } from "./dependency-error";

const STATUS: Record<AppErrorCode, number> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<AppErrorCode, string> = {
  validation: "Invalid input",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported content type",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export function fromZodError(error: ZodError, where: string): AppError {
  const fields = error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  return new AppError("validation", `Fix these fields and try again — ${summary}`, { fields });
}

/** Maps a Prisma known-request error code to an AppError, when it has a meaning callers can act on. */
function fromPrismaError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (code === "P2002") {
    const target = (error as { meta?: { target?: unknown } }).meta?.target;
    return new AppError("conflict", `Something with the same ${Array.isArray(target) ? target.join(", ") : "key"} already exists.`);
  }
  if (code === "P2025") return new AppError("not_found", "The record you asked for does not exist.");
  return undefined;
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (error instanceof ZodError) return fromZodError(error, "input");
  const prisma = fromPrismaError(error);
  if (prisma) return prisma;
  const dependency = unreachableDependency(error);
  if (dependency) return new AppError("unavailable", dependencyAdvice[dependency], { extra: { dependency } });
  console.error(error);
  return new AppError("internal", "Something went wrong on our side. The error was logged; try again or tell an admin.");
}

export function problemResponse(error: unknown): Response {
  const appError = toAppError(error);
  const status = STATUS[appError.code];
  const body = {
    type: `about:blank#${appError.code}`,
    title: TITLE[appError.code],
    status,
    detail: appError.message,
    ...(appError.fields ? { errors: appError.fields } : {}),
    ...appError.extra,
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (status === 503) headers["retry-after"] = "5";
  return new Response(JSON.stringify(body), { status, headers });
}
