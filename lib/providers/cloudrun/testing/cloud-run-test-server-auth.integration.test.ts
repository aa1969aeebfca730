// Authentication against the test server with google-auth-library's own code: the self-signed JWT the Cloud
// Run client sends when given a service-account key, the JWT-bearer exchange at the key's token_uri, and
// refusals (another key, no credentials, an unknown token). Simulated revisions: no process is needed here.
import { v2 } from "@google-cloud/run";
import { JWT, OAuth2Client, PassThroughClient } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudRunTestClients, testEndpointOptions } from "./cloud-run-test-clients";
import { type SampleServiceFixture, startSampleService } from "./cloud-run-test-fixtures";
import { createServiceAccountKey, type ServiceAccountKeyJson } from "./service-account-key";

const CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
// Where google-auth-library 11 sends the JWT-bearer grant whatever the key's token_uri says.
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

let fixture: SampleServiceFixture;

/** A key with the same account and key id as the server's, but a private key the server never issued. */
function forgedKey(): ServiceAccountKeyJson {
  const { json } = createServiceAccountKey({ projectId: fixture.server.projectId, baseUrl: fixture.server.url });
  const real = fixture.server.serviceAccountKey;
  return { ...real, private_key: json.private_key };
}

/** A JWT client of `key` whose token requests go to the key's token_uri, as a provider honouring it must arrange. */
function exchangingClient(key: ServiceAccountKeyJson): JWT {
  const jwt = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: [CLOUD_PLATFORM] });
  jwt.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (config.url.href === GOOGLE_TOKEN_URL) config.url = new URL(key.token_uri);
      return config;
    },
  });
  return jwt;
}

function servicesClientWith(authClient: OAuth2Client | PassThroughClient): v2.ServicesClient {
  return new v2.ServicesClient({ ...testEndpointOptions(fixture.server), authClient });
}

async function codeOf(call: Promise<unknown>): Promise<{ code: number; message: string }> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code: number; message: string } | undefined;
  if (!error) throw new Error("the call succeeded");
  return { code: error.code, message: error.message };
}

beforeAll(async () => {
  fixture = await startSampleService({ revisionMode: "simulated" });
});

afterAll(async () => {
  await fixture?.stop();
});

describe("Cloud Run test server authentication", () => {
  it("accepts the self-signed JWT of the key it issued (the fixture's calls) and refuses one signed with another private key: code 16", async () => {
    const forged = createCloudRunTestClients({ server: fixture.server, key: forgedKey() });
    const error = await codeOf(forged.services.getService({ name: fixture.name }));
    await forged.close();
    expect(error.code).toBe(16);
    expect(error.message).toMatch(/^Request had invalid authentication credentials.*Invalid JWT Signature/);
  });

  it("refuses a request without credentials, and an access token it never issued", async () => {
    const anonymous = servicesClientWith(new PassThroughClient());
    expect((await codeOf(anonymous.getService({ name: fixture.name }))).code).toBe(16);
    await anonymous.close();
    const stranger = new OAuth2Client();
    stranger.setCredentials({ access_token: "ya29.not-issued-here", expiry_date: Date.now() + 3_600_000 });
    const withStranger = servicesClientWith(stranger);
    expect((await codeOf(withStranger.getService({ name: fixture.name }))).code).toBe(16);
    await withStranger.close();
  });

  it("runs google-auth-library's JWT-bearer exchange at the key's token_uri, and the API accepts the access token", async () => {
    const jwt = exchangingClient(fixture.server.serviceAccountKey);
    const credentials = await jwt.authorize();
    expect(credentials).toMatchObject({ access_token: expect.stringMatching(/^ya29\./), token_type: "Bearer" });
    const oauth = new OAuth2Client();
    oauth.setCredentials({ access_token: credentials.access_token, expiry_date: credentials.expiry_date });
    const client = servicesClientWith(oauth);
    const [services] = await client.listServices({ parent: fixture.clients.parent });
    await client.close();
    expect(services.map((s) => s.name)).toEqual([fixture.name]);
  });

  it("refuses the exchange for an assertion signed with another private key, as Google does", async () => {
    await expect(exchangingClient(forgedKey()).authorize()).rejects.toThrow("invalid_grant: Invalid JWT Signature.");
  });
});
