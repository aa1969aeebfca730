// The kubeconfig a client needs for the test cluster: its https URL, the cluster's self-signed certificate
// as certificate authority (so TLS is verified for real), and a bearer token user.
export const CONTEXT_NAME = "flightdeck-test";

export function buildKubeconfig({
  url,
  caPem,
  token,
  user,
  namespace = "default",
}: {
  url: string;
  caPem: string;
  token: string;
  user: string;
  namespace?: string;
}): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    `- name: ${CONTEXT_NAME}`,
    "  cluster:",
    `    server: ${url}`,
    `    certificate-authority-data: ${Buffer.from(caPem).toString("base64")}`,
    "contexts:",
    `- name: ${CONTEXT_NAME}`,
    "  context:",
    `    cluster: ${CONTEXT_NAME}`,
    `    user: ${user}`,
    `    namespace: ${namespace}`,
    `current-context: ${CONTEXT_NAME}`,
    "preferences: {}",
    "users:",
    `- name: ${user}`,
    "  user:",
    `    token: ${token}`,
    "",
  ].join("\n");
}
