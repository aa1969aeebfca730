// Every Kubernetes API call of the provider goes through here: 429 and 5xx are retried with backoff (the
// server's Retry-After when it sends one), a call that hangs is cut off, and what is left becomes an AppError
// a person can act on: the verb, the resource, the namespace, and what the cluster said.
import { ApiException } from "@kubernetes/client-node";
import { AppError, type AppErrorCode } from "@/lib/api/app-error";

export type KubeCall = { verb: string; resource: string; namespace: string; name?: string };

export type KubeCallOptions = { attempts?: number; baseDelayMs?: number; timeoutMs?: number; onCall?: () => void };

const RETRIED = new Set([429, 500, 502, 503, 504]);

function statusMessage(body: unknown): string | undefined {
  const parsed = typeof body === "string" ? safeJson(body) : body;
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : typeof body === "string" && body.length < 300 ? body.trim() : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(call: KubeCall): string {
  return `${call.verb} ${call.resource}${call.name ? `/${call.name}` : ""} in namespace ${call.namespace}`;
}

/** The AppError for a failed call: RBAC refusals name the verb and resource, conflicts and invalid objects keep the cluster's words. */
export function kubeError(call: KubeCall, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const what = describe(call);
  if (!(error instanceof ApiException))
    return new AppError("unavailable", `Kubernetes API unreachable (${what}): ${(error as Error).message}`);
  const said = statusMessage(error.body) ?? `HTTP ${error.code}`;
  const code: AppErrorCode =
    error.code === 404
      ? "not_found"
      : error.code === 409
        ? "conflict"
        : error.code === 422 || error.code === 400
          ? "validation"
          : "unavailable";
  if (error.code === 401)
    return new AppError(
      "unavailable",
      `The cluster rejected the target's credentials (401 Unauthorized) on ${what}: check the kubeconfig's token or certificate`,
    );
  if (error.code === 403)
    return new AppError(
      "unavailable",
      `RBAC refused ${what} (403 Forbidden): grant the verb "${call.verb}" on "${call.resource}" to the target's user. The cluster said: ${said}`,
    );
  return new AppError(code, `Kubernetes ${error.code} on ${what}: ${said}`);
}

function retryDelayMs(error: unknown, attempt: number, baseDelayMs: number): number {
  const header = error instanceof ApiException ? Number(error.headers?.["retry-after"]) : NaN;
  const backoff = baseDelayMs * 2 ** attempt;
  return Number.isFinite(header) && header > 0 ? Math.min(header * 1000, 10_000) : backoff;
}

function withTimeout<T>(promise: Promise<T>, ms: number, call: KubeCall): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("unavailable", `Kubernetes API timed out after ${ms / 1000} s on ${describe(call)}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function callKubeApi<T>(call: KubeCall, run: () => Promise<T>, options: KubeCallOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 0; ; attempt += 1) {
    try {
      options.onCall?.();
      return await withTimeout(run(), options.timeoutMs ?? 15_000, call);
    } catch (error) {
      const retried =
        (error instanceof ApiException && RETRIED.has(error.code)) || (!(error instanceof ApiException) && !(error instanceof AppError));
      if (!retried || attempt + 1 >= attempts) throw kubeError(call, error);
      await new Promise((r) => setTimeout(r, retryDelayMs(error, attempt, options.baseDelayMs ?? 250)));
    }
  }
}
