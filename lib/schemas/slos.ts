// The SLO API's inputs: GET /api/v1/slos?service=&environment= and the chart series of one target.
import { z } from "zod";
import { optionalText } from "./common";

export const slosQuery = z.object({ service: optionalText(100), environment: optionalText(100), target: optionalText(100) }).strict();

export const SLI_RANGES = ["1h", "6h", "24h", "7d", "30d"] as const;
export type SliRange = (typeof SLI_RANGES)[number];

export const sliSeriesQuery = z
  .object({ range: z.enum(SLI_RANGES, { message: `must be one of ${SLI_RANGES.join(", ")}` }).default("24h") })
  .strict();

export const targetIdParams = z.object({ id: z.string().trim().min(1).max(100) });
