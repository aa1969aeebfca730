// Settings shared by the Playwright config and the processes it starts. The run id is fixed in the main
// process's environment, so Playwright's worker processes (which re-read the config) agree on it.
import { randomBytes } from "node:crypto";

process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
// Ports chosen per run so that a demo or another run on the same machine is left alone.
process.env.E2E_APP_PORT ??= String(20_000 + (process.pid % 20_000));
process.env.E2E_IDP_PORT ??= String(Number(process.env.E2E_APP_PORT) + 1);
// The key of secrets at rest for the app and worker under test, fixed per run like the ports.
process.env.E2E_SECRET_KEY ??= randomBytes(32).toString("base64");
const secretKey = process.env.E2E_SECRET_KEY;

export const runId = process.env.E2E_RUN_ID;
export const appPort = Number(process.env.E2E_APP_PORT);
export const idpPort = Number(process.env.E2E_IDP_PORT);
export const appUrl = `http://127.0.0.1:${appPort}`;
export const idpUrl = `http://127.0.0.1:${idpPort}`;
export const oidcClient = { id: "flightdeck-e2e", secret: "flightdeck-e2e-secret-0123456789" };
export const databaseUrl = `postgresql://postgres@127.0.0.1:5432/flightdeck_e2e_${runId}`;
export const redisPrefix = `fde2e:${runId}`;
export const localStateDir = `/tmp/flightdeck-e2e-${runId}/local-provider`;
export const OIDC_NAME = "Test SSO";
export const SIGNIN_LOCKOUT_SECONDS = 20;

/** The environment of the app and worker under test. */
export function appEnv(): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: redisPrefix,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: `e2e-secret-${runId}-0123456789`,
    FLIGHTDECK_SECRET_KEY: secretKey,
    OIDC_ISSUER: idpUrl,
    OIDC_CLIENT_ID: oidcClient.id,
    OIDC_CLIENT_SECRET: oidcClient.secret,
    OIDC_NAME,
    DEMO_SIGNINS: "1",
    LOCAL_PROVIDER_STATE_DIR: localStateDir,
    // Lets journeys stand outside a deployment window without waiting for one (PUT /api/v1/test/clock).
    FLIGHTDECK_TEST_CLOCK: "1",
    // A short lockout (long enough for a slow machine to submit the form inside it), so the sign-in limit spec
    // sees a locked account open again without a long wait. The limits keep their defaults; journeys sign
    // in successfully, which never counts.
    SIGNIN_LOCKOUT_SECONDS: String(SIGNIN_LOCKOUT_SECONDS),
    // Alert rules evaluated every 2 s instead of 30, so the alerts journey sees a P1 open within seconds.
    ALERT_EVALUATION_INTERVAL_MS: "2000",
    PORT: String(appPort),
  };
}
