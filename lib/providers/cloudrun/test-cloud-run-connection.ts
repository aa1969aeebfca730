// Test connection for a Cloud Run target: reach the API with the target's credentials and get the service,
// list its revisions, and ask IAM (testIamPermissions) whether the account may update it. Each check is
// one sentence a person can act on; nothing is changed.
import type { ConnectionCheck, ConnectionReport } from "../types";
import type { CloudRunClients } from "./create-cloud-run-clients";
import { GrpcCode, grpcCodeOf, toProviderError } from "./to-provider-error";

const DEPLOY_PERMISSIONS = ["run.services.get", "run.services.update", "run.revisions.list"];

async function check(name: string, run: () => Promise<string>, principal: string): Promise<ConnectionCheck> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: toProviderError({ error, action: name, principal }).message };
  }
}

export async function testCloudRunConnection({
  clients,
  service,
}: {
  clients: CloudRunClients;
  service: string;
}): Promise<ConnectionReport> {
  const { services, revisions, serviceName, principal } = clients;
  let exists = true;
  const checks: ConnectionCheck[] = [
    await check(
      `get services/${service} as ${principal}`,
      async () => {
        try {
          const [found] = await services.getService({ name: serviceName });
          return `found, serving at ${found.uri ?? "(no URL yet)"}`;
        } catch (error) {
          if (grpcCodeOf(error) !== GrpcCode.NOT_FOUND) throw error;
          exists = false;
          return "does not exist yet: the first deploy creates it";
        }
      },
      principal,
    ),
  ];
  if (checks[0]!.ok && exists) {
    checks.push(
      await check(
        `list revisions of services/${service}`,
        async () => `${(await revisions.listRevisions({ parent: serviceName }))[0].length} revisions`,
        principal,
      ),
      await check(
        `update services/${service}`,
        async () => {
          const [answer] = await services.testIamPermissions({ resource: serviceName, permissions: DEPLOY_PERMISSIONS });
          const missing = DEPLOY_PERMISSIONS.filter((p) => !(answer.permissions ?? []).includes(p));
          if (missing.length === 0) return `${principal} holds ${DEPLOY_PERMISSIONS.join(", ")}`;
          throw Object.assign(new Error(`${principal} lacks ${missing.join(", ")}`), {
            code: GrpcCode.PERMISSION_DENIED,
            errorInfoMetadata: { permission: missing.join(", ") },
          });
        },
        principal,
      ),
    );
  }
  return { ok: checks.every((c) => c.ok), checks };
}
