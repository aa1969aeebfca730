// A Google service-account key JSON, as the Cloud Console downloads it, for a key pair made at start: the
// private half goes to the client inside the JSON, the public half stays with the server to verify signatures.
import { generateKeyPairSync, type KeyObject, randomBytes, randomInt } from "node:crypto";

export type ServiceAccountKeyJson = {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: "googleapis.com";
};

/** What the server keeps of a key: who it belongs to and the public key that checks its signatures. */
export type ServiceAccountPublicKey = { keyId: string; email: string; publicKey: KeyObject };

export function createServiceAccountKey({
  projectId,
  baseUrl,
  accountId = "flightdeck-deployer",
}: {
  projectId: string;
  /** The test server's own URL: `token_uri` (and the certificate URLs) point there. */
  baseUrl: string;
  accountId?: string;
}): { json: ServiceAccountKeyJson; publicKey: ServiceAccountPublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const email = `${accountId}@${projectId}.iam.gserviceaccount.com`;
  const keyId = randomBytes(20).toString("hex");
  const json: ServiceAccountKeyJson = {
    type: "service_account",
    project_id: projectId,
    private_key_id: keyId,
    private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    client_email: email,
    // Google's client ids are 21 decimal digits.
    client_id: `1${Array.from({ length: 20 }, () => randomInt(10)).join("")}`,
    auth_uri: `${baseUrl}/o/oauth2/auth`,
    token_uri: `${baseUrl}/token`,
    auth_provider_x509_cert_url: `${baseUrl}/oauth2/v1/certs`,
    client_x509_cert_url: `${baseUrl}/robot/v1/metadata/x509/${encodeURIComponent(email)}`,
    universe_domain: "googleapis.com",
  };
  return { json, publicKey: { keyId, email, publicKey } };
}
