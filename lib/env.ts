// The only reader of process.env. Parsed lazily so `next build` needs no runtime settings.
import { z } from "zod";

const optionalUrl = z
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

/** 32 random bytes in base64 (`openssl rand -base64 32`), the AES-256-GCM key of secrets at rest. */
const secretKey = z
  .string()
  .trim()
  .refine((v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v) && Buffer.from(v, "base64").length === 32, {
    message: "must be 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`",
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/flightdeck"),
  REDIS_URL: z.string().min(1).default("redis://127.0.0.1:6379"),
  /** Prefix of every Redis key Flightdeck writes (queues, heartbeats), so runs never share keys. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]+$/)
    .default("fd"),
  NEXTAUTH_URL: optionalUrl,
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Encrypts secrets at rest (webhook URLs, provider credentials); lib/crypto/secret-box.ts. */
  FLIGHTDECK_SECRET_KEY: secretKey.optional(),
  /** Comma-separated keys that were current before: still accepted for decryption until `npm run secrets:rotate`. */
  FLIGHTDECK_SECRET_KEYS_PREVIOUS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(secretKey)),
  /** Generic OpenID Connect sign-in; enabled when issuer, client id and secret are all set. */
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  /** Claim holding a Flightdeck role name; users without it get OIDC_DEFAULT_ROLE at first sign-in. */
  OIDC_ROLE_CLAIM: z.string().default("flightdeck_role"),
  OIDC_DEFAULT_ROLE: z.enum(["admin", "release_manager", "oncall", "developer", "viewer"]).default("viewer"),
  /** How long a deployment step's job lock lasts: a SIGKILLed worker's step moves to another worker after it. */
  DEPLOY_JOB_LOCK_MS: z.coerce.number().int().min(1_000).default(10_000),
  /** How often each worker looks for in-flight deployments whose job was lost. */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(500).default(3_000),
  /** How often each worker evaluates every serving target's alert rules (lib/services/alerts). */
  ALERT_EVALUATION_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
  /** Days analysis measurements are kept; the workers' periodic task deletes older ones (runs keep their verdicts). */
  ANALYSIS_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  /** How long per-minute SLI rollups are kept, in hours; and hourly ones, in days (lib/services/sli). */
  SLI_MINUTE_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  SLI_HOUR_RETENTION_DAYS: z.coerce.number().int().min(31).max(400).default(35),
  /** Crash tests only — never set in production: "<step>:before_call|unrecorded|after_call" makes a worker SIGKILL itself there. */
  FLIGHTDECK_FAULT_KILL_AT: z
    .string()
    .regex(/^\d+:(before_call|unrecorded|after_call)$/)
    .optional(),
  /** Seconds after which a worker that stopped beating is counted as gone. */
  WORKER_HEARTBEAT_TTL: z.coerce.number().int().positive().default(15),
  /** "1" lists the seeded demo accounts on the sign-in page; never set it where real people sign in. */
  DEMO_SIGNINS: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "true"),
  /** Where the local provider keeps one state file per target (its supervisor's pid, ports, revisions). */
  LOCAL_PROVIDER_STATE_DIR: z.string().min(1).default(".tmp/local-provider"),
  /** Sign-in limits (lib/auth/sign-in-limiter.ts): failed attempts allowed per account and per client address
   *  within the window, and how long a lockout lasts once either is reached. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  SIGNIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  SIGNIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(900),
  /** How many reverse proxies in front of the app append the caller's address to X-Forwarded-For; the client
   *  address is read that many entries from the right (lib/auth/client-address.ts). */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest request body the API reads; a bigger one is answered 413 before it is read into memory. */
  API_BODY_LIMIT_BYTES: z.coerce.number().int().min(1_024).default(1_048_576),
  /** Tests only; never set in production. "1" lets PUT /api/v1/test/clock fix the time every window,
   *  approval and readiness decision reads (lib/clock.ts), so windows can be tested end to end. */
  FLIGHTDECK_TEST_CLOCK: z
    .string()
    .optional()
    .transform((v) => v === "1"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment settings — ${fields}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function isOidcConfigured(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}
