// A deployment of the release, as listed per environment on the release page.
import type { Prisma } from "@/lib/db";

export const releaseDeploymentSelect = {
  id: true,
  kind: true,
  state: true,
  strategy: true,
  trafficPercent: true,
  revision: true,
  overrideReason: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  target: { select: { environmentId: true } },
  startedBy: { select: { name: true } },
} satisfies Prisma.DeploymentSelect;

type Row = Prisma.DeploymentGetPayload<{ select: typeof releaseDeploymentSelect }>;

export type ReleaseDeploymentView = Omit<Row, "target" | "startedBy" | "createdAt" | "startedAt" | "finishedAt"> & {
  environmentId: string;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export function toReleaseDeploymentView({ target, startedBy, createdAt, startedAt, finishedAt, ...row }: Row): ReleaseDeploymentView {
  return {
    ...row,
    environmentId: target.environmentId,
    startedBy: startedBy?.name ?? null,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    finishedAt: finishedAt?.toISOString() ?? null,
  };
}
