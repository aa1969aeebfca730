// The real `@google-cloud/run` v2 clients pointed at a test server, as a provider would build them for a real
// project: REST transport, and the service-account key as credentials, so every call carries what
// google-auth-library makes of the key and the server checks it.
import { v2 } from "@google-cloud/run";
import { JWT } from "google-auth-library";
import type { ServiceAccountKeyJson } from "./service-account-key";
import type { CloudRunTestServer } from "./start-cloud-run-test-server";

export type CloudRunTestClients = {
  services: v2.ServicesClient;
  revisions: v2.RevisionsClient;
  /** `projects/{project}/locations/{region}` */
  parent: string;
  close: () => Promise<void>;
};

/** Client options for the server's endpoint; `auth` decides how calls are authenticated. */
export function testEndpointOptions(server: Pick<CloudRunTestServer, "port">) {
  return { fallback: true, apiEndpoint: "127.0.0.1", port: server.port, protocol: "http" } as const;
}

export function createCloudRunTestClients({
  server,
  key = server.serviceAccountKey,
}: {
  server: CloudRunTestServer;
  /** Another key (e.g. one the server never issued) to see it refused. */
  key?: ServiceAccountKeyJson;
}): CloudRunTestClients {
  // A JWT client of the key (the `credentials` option and GoogleAuth.fromJSON do the same but are deprecated).
  // The Cloud Run client configures it as for Google: self-signed JWTs with the cloud-platform scope.
  const authClient = new JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    universeDomain: key.universe_domain,
  });
  const options = { ...testEndpointOptions(server), authClient };
  const services = new v2.ServicesClient(options);
  const revisions = new v2.RevisionsClient(options);
  return {
    services,
    revisions,
    parent: `projects/${server.projectId}/locations/${server.region}`,
    close: async () => void (await Promise.all([services.close(), revisions.close()])),
  };
}
