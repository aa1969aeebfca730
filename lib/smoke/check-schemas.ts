// The pieces a smoke check is made of: request paths, headers (literal or a named secret of the service),
// JSON-path assertions and the request a burst or latency check repeats. Pure zod, shared by the API, the
// settings forms, the runner and the CLI.
import { z } from "zod";
import { parseJsonPath } from "./json-path";

export const MAX_CHECK_TIMEOUT_MS = 60_000;
export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;
export const MAX_HEADERS = 20;
export const MAX_ASSERTIONS = 20;

export const checkName = z.string().trim().min(1, "is required").max(120);
export const checkTimeoutMs = z.number().int().min(100).max(MAX_CHECK_TIMEOUT_MS).default(DEFAULT_CHECK_TIMEOUT_MS);

/** Relative to the URL under test; `//host` would leave it, so it is refused. */
export const requestPath = z
  .string()
  .max(2048)
  .regex(/^\/(?!\/)[^\s\0]*$/, "must be a path starting with a single / (relative to the URL under test), without spaces");

export const secretName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,63}$/, "must be a secret name like API_TOKEN");

/** A header's value: literal text, or `{ secret: "NAME" }`, resolved by the runner and never shown. */
export const headerValue = z.union([
  z
    .string()
    .max(4096)
    .regex(/^[^\r\n\0]*$/, "must be one line"),
  z.object({ secret: secretName }).strict(),
]);
export type HeaderValue = z.infer<typeof headerValue>;

export const headers = z
  .record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "must be a header name"), headerValue)
  .refine((h) => Object.keys(h).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`)
  .default({});

const regex = z
  .string()
  .max(500)
  .refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, "must be a valid regular expression");

const OPERATORS = ["equals", "notEquals", "exists", "matches", "contains"] as const;

export const jsonAssertion = z
  .object({
    path: z
      .string()
      .max(300)
      .superRefine((path, ctx) => {
        const parsed = parseJsonPath(path);
        if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
      }),
    equals: z.json().optional(),
    notEquals: z.json().optional(),
    exists: z.boolean().optional(),
    matches: regex.optional(),
    contains: z.json().optional(),
  })
  .strict()
  .refine((a) => OPERATORS.filter((op) => a[op] !== undefined).length === 1, `give exactly one of ${OPERATORS.join(", ")}`);
export type JsonAssertion = z.infer<typeof jsonAssertion>;

export const assertions = z.array(jsonAssertion).max(MAX_ASSERTIONS).default([]);

export const httpMethod = z.enum(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A body: text as is, anything else sent as JSON. */
export const requestBody = z.union([z.string().max(65_536), z.json()]);

export const rpcMethod = z.string().trim().min(1).max(200);
export const rpcParams = z.union([z.record(z.string(), z.json()), z.array(z.json())]);
/** `mcp` opens a session first (initialize, notifications/initialized); `plain` sends the call alone. */
export const rpcProtocol = z.enum(["mcp", "plain"]).default("mcp");

/** What a burst or latency check sends, repeatedly. */
export const probe = z.discriminatedUnion("type", [
  z
    .object({ type: z.literal("http"), method: httpMethod.default("GET"), path: requestPath, headers, body: requestBody.optional() })
    .strict(),
  z
    .object({
      type: z.literal("jsonrpc"),
      path: requestPath.default("/mcp"),
      headers,
      protocol: rpcProtocol,
      method: rpcMethod,
      params: rpcParams.optional(),
    })
    .strict(),
]);
export type Probe = z.infer<typeof probe>;
