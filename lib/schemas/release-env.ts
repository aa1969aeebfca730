// A release's configuration: the non-secret environment variables its revisions run with (as Cloud Run and
// Kubernetes revisions carry theirs), so a release behaves the same wherever it is deployed and a bad one
// can be recorded as such. Releases are visible to every signed-in user, hence no secrets here.
import { z } from "zod";

export const MAX_RELEASE_ENV_VARS = 50;
export const MAX_RELEASE_ENV_VALUE = 4096;
export const MAX_RELEASE_ENV_BYTES = 32 * 1024;
/** Set by the platform for every revision: a release may not override them. */
export const RESERVED_ENV_NAMES = ["PORT", "REVISION", "VERSION", "IMAGE", "DIGEST"] as const;
// TextEncoder rather than Buffer: forms in the browser use this schema too.
const utf8 = new TextEncoder();
const SECRET_LOOKING = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE_KEY|CREDENTIAL/;

const envName = z
  .string()
  .max(100, "must be at most 100 characters")
  .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name: capitals, digits and _, not starting with a digit")
  .refine((name) => !(RESERVED_ENV_NAMES as readonly string[]).includes(name), "is set by the platform for every revision")
  .refine((name) => !SECRET_LOOKING.test(name), "looks like a secret: releases are visible to everyone, keep secrets out of them");

const envValue = z
  .string({ message: "must be a string" })
  .max(MAX_RELEASE_ENV_VALUE, `must be at most ${MAX_RELEASE_ENV_VALUE} characters`)
  .refine((value) => !value.includes("\0"), "must not contain a NUL character");

// Names are checked here rather than as the record's key schema, so the 422 says what is wrong with one.
export const releaseEnvSchema = z.record(z.string(), envValue).superRefine((env, ctx) => {
  const names = Object.keys(env);
  for (const name of names) {
    const checked = envName.safeParse(name);
    if (!checked.success) ctx.addIssue({ code: "custom", message: checked.error.issues[0]!.message, path: [name] });
  }
  if (names.length > MAX_RELEASE_ENV_VARS) ctx.addIssue({ code: "custom", message: `at most ${MAX_RELEASE_ENV_VARS} variables` });
  const bytes = names.reduce((sum, name) => sum + utf8.encode(name).length + utf8.encode(env[name]!).length, 0);
  if (bytes > MAX_RELEASE_ENV_BYTES) ctx.addIssue({ code: "custom", message: `at most ${MAX_RELEASE_ENV_BYTES / 1024} KiB in all` });
});
export type ReleaseEnv = z.infer<typeof releaseEnvSchema>;

/** Release.env as stored (validated when written): string values only, anything else left out. */
export function readReleaseEnv(stored: unknown): ReleaseEnv {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
