// Query of GET /api/v1/overview: a search box and filters that keep hundreds of services readable.
import { z } from "zod";
import { optionalText } from "./common";

export const overviewQuery = z.object({
  /** part of a service's name or slug */
  q: optionalText(100),
  /** environment slug: only that column */
  environment: optionalText(100),
  /** a service owner, as the catalog spells it (case does not matter) */
  owner: optionalText(120),
  /** "true": only services with at least one unhealthy cell (lib/domain/overview/decide-cell-health.ts) */
  unhealthy: z
    .enum(["true", "false"], { message: "must be true or false" })
    .optional()
    .transform((value) => value === "true"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** services per page, in name order: a page of the matrix stays quick to read and to render */
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;
