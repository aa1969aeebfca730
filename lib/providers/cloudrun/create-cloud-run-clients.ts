// The real @google-cloud/run v2 clients of one target: REST transport, the target's endpoint, and its
// credentials. A service-account key performs the OAuth JWT-bearer exchange at the key's own token_uri;
// Application Default Credentials are whatever google-auth-library finds on the worker.
import { v2 } from "@google-cloud/run";
import { GoogleAuth, JWT } from "google-auth-library";
import type { CloudRunConfig } from "../provider-config";
import { parseServiceAccountKey, type ServiceAccountKey } from "./service-account-key";

const CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
// gtoken (google-auth-library 11) posts every JWT-bearer grant here, whatever the key says.
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export type CloudRunClients = {
  services: v2.ServicesClient;
  revisions: v2.RevisionsClient;
  /** `projects/{project}/locations/{region}/services/{service}` */
  serviceName: string;
  /** Who calls, for messages: the key's client_email, or the worker's Application Default Credentials. */
  principal: string;
  close: () => Promise<void>;
};

/** `{ apiEndpoint, port, protocol }` of the client for a base URL; Google's endpoint when none is configured. */
export function endpointOptions(apiEndpoint: string | undefined) {
  if (!apiEndpoint) return {};
  const url = new URL(apiEndpoint);
  const protocol = url.protocol.replace(":", "");
  return { apiEndpoint: url.hostname, port: Number(url.port || (protocol === "https" ? 443 : 80)), protocol };
}

/**
 * A JWT client that exchanges its assertion for an access token at the key's token_uri. The Cloud Run
 * clients set `useJWTAccessWithScope` on the auth client they are given, which would make it sign its own
 * bearer tokens and skip the exchange (and token_uri) altogether: pinned off here.
 */
export function createKeyAuthClient(key: ServiceAccountKey): JWT {
  const jwt = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: [CLOUD_PLATFORM] });
  Object.defineProperty(jwt, "useJWTAccessWithScope", { get: () => false, set: () => undefined });
  if (key.token_uri !== GOOGLE_TOKEN_URL) {
    const tokenUri = new URL(key.token_uri);
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (config.url instanceof URL ? config.url.href === GOOGLE_TOKEN_URL : config.url === GOOGLE_TOKEN_URL) config.url = tokenUri;
        return config;
      },
    });
  }
  return jwt;
}

export function createCloudRunClients({ config, credentials }: { config: CloudRunConfig; credentials?: string }): CloudRunClients {
  const endpoint = { fallback: true as const, ...endpointOptions(config.apiEndpoint) };
  let auth: { authClient: JWT } | { auth: GoogleAuth };
  let principal: string;
  if (config.credentials === "service-account-key") {
    const key = parseServiceAccountKey(credentials);
    auth = { authClient: createKeyAuthClient(key) };
    principal = key.client_email;
  } else {
    auth = { auth: new GoogleAuth({ scopes: [CLOUD_PLATFORM] }) };
    principal = "the worker's Application Default Credentials";
  }
  const services = new v2.ServicesClient({ ...endpoint, ...auth });
  const revisions = new v2.RevisionsClient({ ...endpoint, ...auth });
  return {
    services,
    revisions,
    serviceName: `projects/${config.project}/locations/${config.region}/services/${config.service}`,
    principal,
    close: async () => void (await Promise.all([services.close(), revisions.close()])),
  };
}
