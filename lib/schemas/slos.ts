// The SLO API's inputs: GET /api/v1/slos?service=&environment= and the chart series of one target.
import { z } from "zod";
import { optionalText, pageQuery } from "./common";

/** Paged: every row reads its target's rollups, so a page stays fast at 500 services × 5 environments. */
export const slosQuery = z
  .object({
    service: optionalText(100),
    environment: optionalText(100),
    target: optionalText(100),
    ...pageQuery,
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const SLI_RANGES = ["1h", "6h", "24h", "7d", "30d"] as const;
export type SliRange = (typeof SLI_RANGES)[number];

export const sliSeriesQuery = z
  .object({ range: z.enum(SLI_RANGES, { message: `must be one of ${SLI_RANGES.join(", ")}` }).default("24h") })
  .strict();

export const targetIdParams = z.object({ id: z.string().trim().min(1).max(100) });
