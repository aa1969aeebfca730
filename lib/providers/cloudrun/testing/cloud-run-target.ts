// A Cloud Run target of the test server, as an admin would configure it for a real project: project,
// region, service, the API endpoint (the only difference) and the server's service-account key.
import type { CloudRunConfig } from "../../provider-config";
import type { ProviderTarget } from "../../types";
import type { CloudRunTestServer } from "./start-cloud-run-test-server";

export function cloudRunTargetConfig({
  server,
  service,
  credentials = "service-account-key",
}: {
  server: CloudRunTestServer;
  service: string;
  /** `application-default`: the worker finds the key through GOOGLE_APPLICATION_CREDENTIALS. */
  credentials?: CloudRunConfig["credentials"];
}): CloudRunConfig {
  return { project: server.projectId, region: server.region, service, credentials, apiEndpoint: server.url };
}

export function cloudRunTarget({
  server,
  service,
  id = `target-${service}`,
}: {
  server: CloudRunTestServer;
  service: string;
  id?: string;
}): ProviderTarget {
  return {
    id,
    providerType: "cloudrun",
    providerConfig: cloudRunTargetConfig({ server, service }),
    credentials: JSON.stringify(server.serviceAccountKey),
  };
}
