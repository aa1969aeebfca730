// Query of GET /api/v1/releases.
import { z } from "zod";
import { archivedFilter, MAX_DATE, MIN_DATE, optionalText, pageQuery } from "./common";
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

/** Clocks of CI runners drift a little; a commit time further ahead than this is a mistake. */
const COMMIT_CLOCK_SKEW_MS = 5 * 60_000;

const committedAt = z.iso
  .datetime({ offset: true, message: "must be a date and time with a time zone, e.g. 2026-11-22T09:30:00Z" })
  .transform((value) => new Date(value))
  .refine((date) => date >= MIN_DATE && date <= MAX_DATE, "must be between 1970-01-01 and 9999-12-31")
  .refine((date) => date.getTime() <= Date.now() + COMMIT_CLOCK_SKEW_MS, "must not be in the future");

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
  /** when the commit was made (ISO 8601 with a time zone): where the release's lead time for changes starts */
  committedAt: committedAt.optional(),
  notes: z.string().trim().max(5000).optional(),
  hotfix: z.boolean().default(false),
  /** non-secret environment variables of the release's revisions, e.g. {"LOG_LEVEL": "info"} */
  env: releaseEnvSchema.optional(),
});
export type CreateReleaseInput = z.infer<typeof createReleaseBody>;
