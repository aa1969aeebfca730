// The sample service is a stand-in for a customer's program, not part of Flightdeck: it reads its own
// environment here (Flightdeck's lib/env.ts is for Flightdeck's processes), validated with zod.
import { z } from "zod";

const share = z.coerce.number().min(0).max(1);
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
  ADDED_LATENCY_MS: z.coerce.number().int().min(0).default(0),
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
