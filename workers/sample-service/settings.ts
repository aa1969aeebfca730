// The sample service is a stand-in for a customer's program, not part of Flightdeck: it reads its own
// environment here (Flightdeck's lib/env.ts is for Flightdeck's processes), validated with zod.
// Each knob below makes a release misbehave in one way, so that a bad release is demonstrable: the README
// lists which smoke check or rollback trigger each one trips.
import { z } from "zod";

const share = z.coerce.number().min(0).max(1);
const ms = z.coerce.number().int().min(0).max(600_000);
const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  SERVICE_NAME: z.string().min(1).default("sample-service"),
  VERSION: z.string().min(1).default("0.0.0"),
  /** Set by the local provider; names the revision in the `x-revision` header. */
  REVISION: z.string().min(1).optional(),
  /** Share (0..1) of /mcp and /work requests that answer 500. */
  ERROR_RATE: share.default(0),
  /** ERROR_RATE applies only from this many seconds after start: a release that passes its smoke run, then fails. */
  ERRORS_AFTER_SECONDS: z.coerce.number().min(0).default(0),
  /** Added to every /mcp and /work request. */
  ADDED_LATENCY_MS: ms.default(0),
  /** The status /health answers (a bad release whose health endpoint fails). */
  HEALTH_STATUS: z.coerce.number().int().min(200).max(599).default(200),
  /** Added to /health only: a health endpoint that answers, slowly. */
  HEALTH_LATENCY_MS: ms.default(0),
  /** MCP tool names (comma-separated) that answer a tool error instead of their result. */
  BROKEN_TOOLS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** The MCP server answers unknown methods with an empty result instead of JSON-RPC error -32601. */
  ACCEPT_UNKNOWN_METHODS: flag,
  /** JSON-RPC requests one MCP session may make per window; 0 turns the limit off. */
  MCP_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(4),
  MCP_RATE_WINDOW_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  /** Answer /mcp requests with plain JSON instead of an SSE stream. */
  MCP_JSON_RESPONSE: flag,
  CRASH_ON_START: flag,
  MEMORY_GROWTH_MB_PER_MIN: z.coerce.number().min(0).default(0),
});

export type SampleSettings = z.infer<typeof schema>;

export function readSampleSettings(source: Record<string, string | undefined>): SampleSettings {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`sample service: invalid settings — ${fields}`);
  }
  return parsed.data;
}
