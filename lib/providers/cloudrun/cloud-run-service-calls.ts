// The Cloud Run API calls of the provider, each through the real clients with its failures mapped to
// AppErrors (to-provider-error.ts) and retried with backoff where repeating it is safe (with-retry.ts).
import type { protos } from "@google-cloud/run";
import { AppError } from "@/lib/api/app-error";
import type { CloudRunClients } from "./create-cloud-run-clients";
import { GrpcCode, grpcCodeOf, isRetryable, toProviderError } from "./to-provider-error";
import { withRetry } from "./with-retry";

type Service = protos.google.cloud.run.v2.IService;
type Revision = protos.google.cloud.run.v2.IRevision;

/** One target's clients and the Cloud Run service id they address. */
export type ServiceHandle = { clients: CloudRunClients; config: { service: string } };

export async function callCloudRun<T>(opened: ServiceHandle, action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(run);
  } catch (error) {
    throw toProviderError({ error, action, principal: opened.clients.principal });
  }
}

export async function readService(opened: ServiceHandle): Promise<Service | null> {
  try {
    return await withRetry(async () => (await opened.clients.services.getService({ name: opened.clients.serviceName }))[0]);
  } catch (error) {
    if (grpcCodeOf(error) === GrpcCode.NOT_FOUND) return null;
    throw toProviderError({ error, action: `get service ${opened.config.service}`, principal: opened.clients.principal });
  }
}

export async function findRevision(opened: ServiceHandle, id: string): Promise<Revision | null> {
  try {
    return await withRetry(
      async () => (await opened.clients.revisions.getRevision({ name: `${opened.clients.serviceName}/revisions/${id}` }))[0],
    );
  } catch (error) {
    if (grpcCodeOf(error) === GrpcCode.NOT_FOUND) return null;
    throw toProviderError({ error, action: `get revision ${id}`, principal: opened.clients.principal });
  }
}

/**
 * Read, change, write with the read's etag, then wait for the operation. A refused write (quota, a stale
 * etag) changed nothing, so the whole read-change-write is retried with backoff; a failed operation is not.
 */
export async function updateService(
  opened: ServiceHandle,
  action: string,
  change: (service: Service) => Service,
  options: { allowMissing?: boolean } = {},
) {
  const { services } = opened.clients;
  const retryIf = (e: unknown) => isRetryable(e) || grpcCodeOf(e) === GrpcCode.FAILED_PRECONDITION;
  let operation;
  try {
    operation = await withRetry(
      async () => {
        const current = await readService(opened);
        if (!current && !options.allowMissing) throw new AppError("not_found", `Cloud Run service ${opened.config.service} does not exist`);
        const next = change(current ?? { name: opened.clients.serviceName });
        return (await services.updateService({ service: { ...next, name: opened.clients.serviceName }, allowMissing: !current }))[0];
      },
      { retryIf },
    );
  } catch (error) {
    throw toProviderError({ error, action, principal: opened.clients.principal });
  }
  try {
    return (await operation.promise())[0];
  } catch (error) {
    throw toProviderError({ error, action, principal: opened.clients.principal });
  }
}
