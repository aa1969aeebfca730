// The product's defaults, taken from the deployment guides and runbooks Flightdeck automates. Services and
// environments start from these and may change them.
import type { AnalysisTrigger } from "./analysis/analysis-config";

/**
 * The documents' smoke suite, check by check (names as their script prints them): run against a new
 * revision before it gets traffic, and after a rollback. lib/smoke/built-in-suite.ts validates it and gives
 * it the suite's limits; the shape of each check is lib/smoke/smoke-suite-schema.ts.
 */
export const DEFAULT_SMOKE_SUITE = [
  { kind: "http", name: "Health endpoint", path: "/health", expectStatus: 200 },
  {
    kind: "jsonrpc",
    name: "MCP initialization",
    method: "initialize",
    expectResult: [
      { path: "$.protocolVersion", exists: true },
      { path: "$.serverInfo.name", exists: true },
    ],
  },
  {
    kind: "jsonrpc",
    name: "List MCP tools",
    method: "tools/list",
    expectResult: [
      { path: "$.tools[*].name", contains: "list_repos" },
      { path: "$.tools[*].name", contains: "get_repo_paths" },
    ],
  },
  {
    kind: "jsonrpc",
    name: "List repositories tool",
    method: "tools/call",
    params: { name: "list_repos", arguments: {} },
    expectResult: [
      { path: "$.isError", notEquals: true },
      { path: "$.content[0].type", equals: "text" },
    ],
  },
  {
    kind: "jsonrpc",
    name: "Get repository paths",
    method: "tools/call",
    params: { name: "get_repo_paths", arguments: { repo: "mahavishnu" } },
    expectResult: [
      { path: "$.isError", notEquals: true },
      { path: "$.content[0].type", equals: "text" },
    ],
  },
  // "5 rapid requests": the first four are served, the fifth meets the rate limit.
  {
    kind: "burst",
    name: "Rate limiting (5 rapid requests)",
    request: { type: "jsonrpc", method: "tools/list" },
    count: 5,
    expectLimitAfter: 4,
  },
  { kind: "latency", name: "Response time (< 2000 ms)", request: { type: "http", path: "/health" }, count: 5, maxP95Ms: 2000 },
  { kind: "jsonrpc", name: "Invalid method error handling", method: "invalid/method", expectError: { code: -32601 } },
] as const;

/** Monitoring targets (SLOs). */
export const DEFAULT_SLOS = {
  uptimePercent: 99.9,
  p95Ms: 1000,
  p99Ms: 2000,
  errorRatePercent: 0.1,
  memoryPercent: 80,
  cpuPercent: 70,
} as const;

/**
 * Alerts and their severities (shape: lib/domain/alerts/alert-rule.ts). The documents give no window: 5 minutes,
 * like the rollback triggers', and at least 50 requests before a traffic rule is judged.
 */
export const DEFAULT_ALERT_RULES = [
  { name: "Error rate above 1%", metric: "error_rate", comparison: ">", threshold: 1, severity: "P1", windowSeconds: 300 },
  { name: "p95 latency above 2 s", metric: "p95", comparison: ">", threshold: 2000, severity: "P2", windowSeconds: 300 },
  { name: "Memory above 90%", metric: "memory", comparison: ">", threshold: 90, severity: "P2", windowSeconds: 300 },
  { name: "CPU above 85%", metric: "cpu", comparison: ">", threshold: 85, severity: "P3", windowSeconds: 300 },
] as const;

/**
 * Automatic rollback triggers, judged by the analysis at every canary step and after a blue-green switch
 * (thresholds in each metric's unit, lib/domain/analysis/metric-names.ts). The documents' "consider
 * rollback" items are dry runs: measured and recorded beside the others, never acted on, until a service
 * turns them on.
 */
export const DEFAULT_ROLLBACK_TRIGGERS: readonly AnalysisTrigger[] = [
  trigger({ name: "Error rate above 5% over 5 min", metric: "error_rate", comparison: ">", threshold: 5, windowSeconds: 300 }),
  trigger({ name: "p99 above 10 s over 5 min", metric: "p99", comparison: ">", threshold: 10_000, windowSeconds: 300 }),
  trigger({
    name: "More than 3 consecutive health-check failures within 1 min",
    metric: "health_failures",
    comparison: ">",
    threshold: 3,
    windowSeconds: 60,
  }),
  trigger({ name: "Memory above 90% over 5 min", metric: "memory", comparison: ">", threshold: 90, windowSeconds: 300 }),
  trigger({
    name: "Error rate above 1% for 10 min",
    metric: "error_rate",
    comparison: ">",
    threshold: 1,
    windowSeconds: 600,
    dryRun: true,
  }),
  {
    kind: "baseline",
    name: "p95 latency 50% above the stable revision's",
    metric: "p95",
    maxIncreasePercent: 50,
    windowSeconds: 300,
    enabled: true,
    dryRun: true,
  },
];

function trigger(options: Omit<Extract<AnalysisTrigger, { kind: "threshold" }>, "kind" | "enabled" | "dryRun"> & { dryRun?: boolean }) {
  return { kind: "threshold", enabled: true, dryRun: false, ...options } as const;
}

/** Production may be deployed Monday to Thursday, 10:00–16:00 in the environment's time zone (ISO weekdays). */
export const PRODUCTION_ALLOW_WINDOWS = [{ days: [1, 2, 3, 4], start: "10:00", end: "16:00" }] as const;

/**
 * Post-deploy validation: 6 health checks over 30 s after full traffic; a failure rolls back. A target may
 * set its own (Target.postDeployChecks / postDeploySeconds); null there means these.
 */
export const POST_DEPLOY_VALIDATION = { checks: 6, overSeconds: 30 } as const;

/** Pre-deploy readiness: the score (out of 100) a deploy needs, on top of having no failed check. */
export const READINESS_MIN_SCORE = 70;
