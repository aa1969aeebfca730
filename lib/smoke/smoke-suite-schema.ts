// A service's smoke suite: validated when it is stored and again when it is read, so a suite the runner
// gets is always one it can run. The kinds are those of the deployment documents' own checks.
import { z } from "zod";
import {
  assertions,
  checkName,
  checkTimeoutMs,
  headers,
  httpMethod,
  probe,
  requestBody,
  requestPath,
  rpcMethod,
  rpcParams,
  rpcProtocol,
} from "./check-schemas";
import { parseBaseUrl } from "./parse-base-url";

/** More checks than this is a mistake, not a suite: a 10,000-check suite is refused, naming `checks`. */
export const MAX_SMOKE_CHECKS = 50;
export const MAX_SUITE_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_SUITE_TIMEOUT_MS = 2 * 60_000;
const latencyMs = z.number().int().min(1).max(600_000);

export const httpCheck = z
  .object({
    kind: z.literal("http"),
    name: checkName,
    timeoutMs: checkTimeoutMs,
    method: httpMethod.default("GET"),
    path: requestPath,
    headers,
    body: requestBody.optional(),
    expectStatus: z.number().int().min(100).max(599).default(200),
    assertions,
    maxLatencyMs: latencyMs.optional(),
  })
  .strict();

export const jsonRpcCheck = z
  .object({
    kind: z.literal("jsonrpc"),
    name: checkName,
    timeoutMs: checkTimeoutMs,
    path: requestPath.default("/mcp"),
    headers,
    protocol: rpcProtocol,
    method: rpcMethod,
    params: rpcParams.optional(),
    /** Assertions on the JSON-RPC `result` (`$` is the result). */
    expectResult: assertions,
    /** Expect a JSON-RPC error instead of a result, with this code when one is given. */
    expectError: z.object({ code: z.number().int().optional() }).strict().optional(),
    maxLatencyMs: latencyMs.optional(),
  })
  .strict()
  .refine((c) => !(c.expectError && c.expectResult.length > 0), {
    message: "expect either a result or an error, not both",
    path: ["expectError"],
  });

export const burstCheck = z
  .object({
    kind: z.literal("burst"),
    name: checkName,
    timeoutMs: checkTimeoutMs,
    request: probe,
    count: z.number().int().min(2).max(100),
    /** Absent: every answer must succeed. n: the first n succeed, then a 429 must come. */
    expectLimitAfter: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((c) => c.expectLimitAfter === undefined || c.expectLimitAfter < c.count, {
    message: "must be below count, or no request can meet the limit",
    path: ["expectLimitAfter"],
  });

export const latencyCheck = z
  .object({
    kind: z.literal("latency"),
    name: checkName,
    timeoutMs: checkTimeoutMs,
    request: probe,
    count: z.number().int().min(1).max(100).default(5),
    maxP95Ms: latencyMs,
    /** Only latency is judged unless a status is expected: the status is other checks' business. */
    expectStatus: z.number().int().min(100).max(599).optional(),
  })
  .strict();

export const smokeCheck = z.discriminatedUnion("kind", [httpCheck, jsonRpcCheck, burstCheck, latencyCheck]);
export type SmokeCheck = z.infer<typeof smokeCheck>;
export type SmokeCheckInput = z.input<typeof smokeCheck>;
export type SmokeCheckKind = SmokeCheck["kind"];

export const smokeSuiteSchema = z
  .object({
    // The length is checked before any element, so a huge suite is refused at once and with one message.
    checks: z.array(z.unknown()).max(MAX_SMOKE_CHECKS, `at most ${MAX_SMOKE_CHECKS} checks`).pipe(z.array(smokeCheck)),
    timeoutMs: z.number().int().min(1000).max(MAX_SUITE_TIMEOUT_MS).default(DEFAULT_SUITE_TIMEOUT_MS),
    stopAtFirstFailure: z.boolean().default(false),
  })
  .strict()
  .superRefine((suite, ctx) => {
    const seen = new Set<string>();
    suite.checks.forEach((check, i) => {
      if (seen.has(check.name)) ctx.addIssue({ code: "custom", message: "another check has this name", path: ["checks", i, "name"] });
      seen.add(check.name);
    });
  });
export type SmokeSuite = z.infer<typeof smokeSuiteSchema>;
export type SmokeSuiteInput = z.input<typeof smokeSuiteSchema>;

/** The URL a suite runs against (API bodies, the CLI): http or https, without credentials. */
export const smokeTargetUrl = z
  .string()
  .max(2048)
  .superRefine((url, ctx) => {
    const parsed = parseBaseUrl(url);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
  });
