// Long-running operations (google.longrunning.Operation) as Cloud Run answers mutations: the call returns
// `{ name, metadata, done: false }` at once, and `GET /v2/{name}` reports `done: false` until the work has
// settled and a minimum time has passed, then `done: true` with a typed `response` or an `error` (google.rpc.Status).
import { randomUUID } from "node:crypto";
import { GoogleApiError } from "./google-api-error";

const TYPE_PREFIX = "type.googleapis.com/google.cloud.run.v2.";

export type OperationResource = {
  name: string;
  metadata: Record<string, unknown>;
  done: boolean;
  response?: Record<string, unknown>;
  error?: { code: number; message: string; details: unknown[] };
};

type Entry = {
  name: string;
  type: "Service" | "Revision";
  /** The resource as it is now: the operation's metadata while it runs. */
  current: () => Record<string, unknown>;
  outcome?: { response: Record<string, unknown> } | { error: GoogleApiError };
};

export type OperationRegistry = {
  /** Starts an operation over `work`, which resolves with the resource the operation answers, or rejects. */
  start: (input: {
    parent: string;
    type: Entry["type"];
    current: Entry["current"];
    work: Promise<Record<string, unknown>>;
  }) => OperationResource;
  /** The operation's state now; NOT_FOUND for an unknown name. */
  get: (name: string) => OperationResource;
  /** Resolves once every operation started so far has settled. */
  settled: () => Promise<void>;
};

function typed(type: Entry["type"], resource: Record<string, unknown>): Record<string, unknown> {
  return { "@type": `${TYPE_PREFIX}${type}`, ...resource };
}

function toResource(entry: Entry): OperationResource {
  const base = { name: entry.name, metadata: typed(entry.type, entry.current()) };
  if (!entry.outcome) return { ...base, done: false };
  if ("error" in entry.outcome) return { ...base, done: true, error: entry.outcome.error.toRpcStatus() };
  return { ...base, done: true, response: typed(entry.type, entry.outcome.response) };
}

export function createOperationRegistry({ minDurationMs }: { minDurationMs: number }): OperationRegistry {
  const entries = new Map<string, Entry>();
  const pending = new Set<Promise<void>>();
  return {
    start: ({ parent, type, current, work }) => {
      const entry: Entry = { name: `${parent}/operations/${randomUUID()}`, type, current };
      entries.set(entry.name, entry);
      const minimum = new Promise((resolve) => setTimeout(resolve, minDurationMs));
      const settle = Promise.allSettled([work, minimum]).then(([result]) => {
        if (result.status === "fulfilled") entry.outcome = { response: result.value };
        else {
          const reason: unknown = result.reason;
          entry.outcome = { error: reason instanceof GoogleApiError ? reason : new GoogleApiError("INTERNAL", String(reason)) };
        }
      });
      pending.add(settle);
      void settle.then(() => pending.delete(settle));
      return toResource(entry);
    },
    get: (name) => {
      const entry = entries.get(name);
      if (!entry) throw new GoogleApiError("NOT_FOUND", `Operation '${name}' not found.`);
      return toResource(entry);
    },
    settled: async () => void (await Promise.allSettled([...pending])),
  };
}
