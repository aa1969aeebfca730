// Query of GET /api/v1/releases.
import { z } from "zod";
import { optionalText, pageQuery } from "./common";

export const listReleasesQuery = z.object({
  /** service slug */
  service: optionalText(100),
  /** substring of the version, image or notes */
  q: optionalText(),
  ...pageQuery,
});
export type ListReleasesQuery = z.infer<typeof listReleasesQuery>;
