// Query of GET /api/v1/releases.
import { z } from "zod";
import { archivedFilter, optionalText, pageQuery } from "./common";
import { releaseEnvSchema } from "./release-env";

export const listReleasesQuery = z.object({
  /** service slug */
  service: optionalText(100),
  /** substring of the version, image or notes */
  q: optionalText(),
  /** "false": only releases of active services (the New deployment choices); by default all, history included */
  archived: archivedFilter.default("all"),
  ...pageQuery,
});
export type ListReleasesQuery = z.infer<typeof listReleasesQuery>;

/** Body of POST /api/v1/releases, sent by CI with an API token or by a person from the UI. */
export const createReleaseBody = z.object({
  /** service slug */
  service: z.string().trim().min(1, "is required").max(100),
  version: z
    .string()
    .trim()
    .min(1, "is required")
    .max(64)
    .regex(/^[\w][\w.+-]*$/, "may contain letters, digits and . + - _ (e.g. 1.4.0 or 2026.11.22-rc1)"),
  /** image reference without the digest, e.g. registry.example.com/team/app:1.4.0 */
  image: z
    .string()
    .trim()
    .min(1, "is required")
    .max(300)
    .regex(/^[a-z0-9][\w.\-/:]*$/i, "must be an image reference such as registry.example.com/team/app:1.4.0"),
  digest: z
    .string()
    .trim()
    .regex(/^sha256:[a-f0-9]{64}$/, "must be sha256: followed by 64 lowercase hex characters"),
  commit: z
    .string()
    .trim()
    .regex(/^[a-f0-9]{7,40}$/i, "must be a git commit hash (7 to 40 hex characters)")
    .optional(),
  notes: z.string().trim().max(5000).optional(),
  hotfix: z.boolean().default(false),
  /** non-secret environment variables of the release's revisions, e.g. {"LOG_LEVEL": "info"} */
  env: releaseEnvSchema.optional(),
});
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;
