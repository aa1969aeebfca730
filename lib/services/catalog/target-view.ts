// A target as the catalog shows it: its provider configuration and rollout settings, never its
// credentials; where analysis reads its metrics and the PromQL it would run; whether a deployment is in
// flight on it; whether it is archived.
import type { Prisma } from "@/lib/db";
import { effectiveQueries, type EffectiveQueries } from "@/lib/metrics/prometheus/effective-queries";
import { metricsSourceConfigSchema, type MetricsSourceConfig } from "@/lib/metrics/types";

export type TargetView = {
  id: string;
  service: { id: string; slug: string; name: string };
  environment: { id: string; slug: string; name: string; isProduction: boolean; promotionOrder: number };
  providerType: "local" | "kubernetes" | "cloudrun";
  providerConfig: Record<string, unknown>;
  /** whether provider credentials are stored (they are never returned) */
  hasCredentials: boolean;
  defaultStrategy: "rolling" | "blue_green" | "canary";
  canarySteps: number[];
  /** seconds each canary step is held; null = wait for a manual promote */
  stepPauseSeconds: number | null;
  requiresBackup: boolean;
  /** where analysis reads this target's metrics; null when the stored value no longer parses (analysis then reports an error) */
  metricsSource: MetricsSourceConfig | null;
  /** the PromQL a prometheus source runs per metric, placeholders {{target}}, {{revision}}, {{window}} kept; null for local */
  metricsQueries: EffectiveQueries | null;
  currentRevision: string | null;
  currentVersion: string | null;
  /** the deployment holding the target now, if any */
  activeDeploymentId: string | null;
  createdAt: string;
  archivedAt: string | null;
};

export const targetViewInclude = {
  service: { select: { id: true, slug: true, name: true } },
  environment: { select: { id: true, slug: true, name: true, isProduction: true, promotionOrder: true } },
  currentRelease: { select: { version: true } },
  deployments: { where: { activeTargetId: { not: null } }, select: { id: true }, take: 1 },
} satisfies Prisma.TargetInclude;

type TargetRow = Prisma.TargetGetPayload<{ include: typeof targetViewInclude }>;

/** The stored metrics source, parsed, and the queries it runs: for the catalog views and the target's page. */
export function metricsSourceView(stored: unknown): Pick<TargetView, "metricsSource" | "metricsQueries"> {
  const parsed = metricsSourceConfigSchema.safeParse(stored);
  if (!parsed.success) return { metricsSource: null, metricsQueries: null };
  return { metricsSource: parsed.data, metricsQueries: effectiveQueries(parsed.data) };
}

export function toTargetView(target: TargetRow): TargetView {
  const config = target.providerConfig;
  return {
    id: target.id,
    service: target.service,
    environment: target.environment,
    providerType: target.providerType,
    providerConfig: config && typeof config === "object" && !Array.isArray(config) ? (config as Record<string, unknown>) : {},
    hasCredentials: target.credentialsEncrypted !== null,
    defaultStrategy: target.defaultStrategy,
    canarySteps: target.canarySteps,
    stepPauseSeconds: target.stepPauseSeconds,
    requiresBackup: target.requiresBackup,
    ...metricsSourceView(target.metricsSource),
    currentRevision: target.currentRevision,
    currentVersion: target.currentRelease?.version ?? null,
    activeDeploymentId: target.deployments[0]?.id ?? null,
    createdAt: target.createdAt.toISOString(),
    archivedAt: target.archivedAt?.toISOString() ?? null,
  };
}
