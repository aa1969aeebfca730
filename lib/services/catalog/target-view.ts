// A target as the catalog shows it: its provider configuration and rollout settings, never its
// credentials; whether a deployment is in flight on it; whether it is archived.
import type { Prisma } from "@/lib/db";

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
    currentRevision: target.currentRevision,
    currentVersion: target.currentRelease?.version ?? null,
    activeDeploymentId: target.deployments[0]?.id ?? null,
    createdAt: target.createdAt.toISOString(),
    archivedAt: target.archivedAt?.toISOString() ?? null,
  };
}
