// GET /api/v1/releases/{id}: the release and, per environment in promotion order, everything a release
// manager decides on — approvals, the window now, promotion, readiness, deployments and what changes.
import { AppError } from "@/lib/api/app-error";
import type { Principal } from "@/lib/auth/principal";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { loadReleaseFacts } from "./gates/load-release-facts";
import { toReleaseSummary, type ReleaseSummary } from "./list-releases";
import { describeReleaseEnvironment, type ReleaseEnvironmentView } from "./release-detail/describe-release-environment";
import { releaseDeploymentSelect, toReleaseDeploymentView } from "./release-detail/to-release-deployment-view";
import { latestSmokeRunsOfRelease } from "./smoke/get-smoke-runs";
import type { SmokeRunView } from "./smoke/smoke-run-view";

/** Per environment, also the newest smoke run of this release on that environment's target (null: none yet). */
export type ReleaseDetail = {
  release: ReleaseSummary;
  evaluatedAt: string;
  environments: (ReleaseEnvironmentView & { latestSmokeRun: SmokeRunView | null })[];
};

export async function getReleaseDetail({ principal, id }: { principal: Principal; id: string }): Promise<ReleaseDetail> {
  const release = await db.release.findUnique({
    where: { id },
    include: { service: { select: { slug: true, name: true } }, author: { select: { name: true, email: true } } },
  });
  if (!release) throw new AppError("not_found", `There is no release ${id}.`);
  const now = await clockNow();
  const [environments, targets, deployments, releaseFacts, smokeRuns] = await Promise.all([
    db.environment.findMany({ orderBy: { promotionOrder: "asc" } }),
    db.target.findMany({ where: { serviceId: release.serviceId }, include: { currentRelease: true } }),
    db.deployment.findMany({ where: { releaseId: release.id }, select: releaseDeploymentSelect, orderBy: { createdAt: "desc" } }),
    loadReleaseFacts(db, release),
    latestSmokeRunsOfRelease(release.id),
  ]);
  const deploymentViews = deployments.map(toReleaseDeploymentView);
  const views = await Promise.all(
    environments.map((environment) => {
      const target = targets.find((t) => t.environmentId === environment.id) ?? null;
      return describeReleaseEnvironment({ principal, release, environment, target, releaseFacts, deployments: deploymentViews, now });
    }),
  );
  const withSmoke = views.map((view) => ({ ...view, latestSmokeRun: smokeRuns[view.environment.id] ?? null }));
  return { release: toReleaseSummary(release), evaluatedAt: now.toISOString(), environments: withSmoke };
}
