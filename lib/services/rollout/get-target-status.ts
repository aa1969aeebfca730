// GET /api/v1/targets/{id}: the target as stored (never its credentials), what its provider reports now
// (revisions, traffic, per-revision rates) and its history. A provider that fails or hangs does not fail
// the page: its part becomes `{ error }` saying what to do.
import { AppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import type { ProviderTarget, RevisionStatus, TrafficRouting } from "@/lib/providers/types";
import { getProvider } from "./get-provider";
import { toProviderTarget } from "./provider-target";
import { getTargetHistory } from "./get-target-history";
import { ratesForTarget, type RevisionRates } from "./revision-rates";

const PROVIDER_TIMEOUT_MS = 3_000;

export type ProviderView =
  | { url: string | null; revisions: RevisionStatus[]; metrics: RevisionRates[]; lost: string | null; routing: TrafficRouting | null }
  | { error: string };

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${PROVIDER_TIMEOUT_MS / 1000} s`)), PROVIDER_TIMEOUT_MS),
    ),
  ]);
}

async function readProvider(target: ProviderTarget): Promise<ProviderView> {
  try {
    const provider = getProvider(target.providerType);
    const [status, metrics] = await withTimeout(
      Promise.all([provider.getStatus({ target }), provider.getRevisionMetrics?.({ target }) ?? Promise.resolve(null)]),
    );
    const rates = metrics ? ratesForTarget(target.id, metrics) : [];
    return {
      url: status.url,
      revisions: status.revisions,
      metrics: rates,
      lost: status.lost?.reason ?? null,
      routing: status.routing ?? null,
    };
  } catch (error) {
    return {
      error: `The ${target.providerType} provider could not be read (${(error as Error).message}). The figures below come from Flightdeck's own records; check the target's configuration and the worker, then reload.`,
    };
  }
}

export async function getTargetStatus(id: string) {
  const target = await db.target.findUnique({
    where: { id },
    select: {
      id: true,
      providerType: true,
      providerConfig: true,
      credentialsEncrypted: true,
      defaultStrategy: true,
      canarySteps: true,
      stepPauseSeconds: true,
      currentRevision: true,
      serviceId: true,
      createdAt: true,
      service: { select: { id: true, slug: true, name: true } },
      environment: { select: { id: true, slug: true, name: true, isProduction: true } },
      currentRelease: { select: { id: true, version: true, image: true, digest: true } },
    },
  });
  if (!target) throw new AppError("not_found", `There is no target ${id}.`);
  const [provider, history, active] = await Promise.all([
    readProvider(toProviderTarget(target)),
    getTargetHistory({ targetId: target.id, serviceId: target.serviceId, currentRevision: target.currentRevision }),
    db.deployment.findUnique({
      where: { activeTargetId: target.id },
      select: { id: true, kind: true, state: true, trafficPercent: true, revision: true },
    }),
  ]);
  return {
    id: target.id,
    service: target.service,
    environment: target.environment,
    providerType: target.providerType,
    strategy: { default: target.defaultStrategy, canarySteps: target.canarySteps, stepPauseSeconds: target.stepPauseSeconds },
    currentRevision: target.currentRevision,
    currentRelease: target.currentRelease,
    activeDeployment: active,
    provider,
    ...history,
  };
}

export type TargetStatusView = Awaited<ReturnType<typeof getTargetStatus>>;
