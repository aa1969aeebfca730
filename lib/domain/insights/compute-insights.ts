// The four delivery metrics (DORA) of a set of targets over [from, to): deployment frequency, lead time for
// changes, change failure rate and time to restore. A deploy belongs to the range in which it finished; its
// failure is judged from everything known at the time of computing (a rollback after the range still marks
// it). Pure: the caller loads every deployment of the targets that finished at or after `from` or is still
// running, so the rollbacks and recoveries after a deploy are among them.
import { classifyChange, type ChangeOutcome } from "./classify-change";
import type { ChangeFailure, InsightDeployment, Insights } from "./insight-types";
import { median } from "./median";

const DAY_MS = 86_400_000;

function groupByTarget(deployments: readonly InsightDeployment[]): Map<string, InsightDeployment[]> {
  const byTarget = Map.groupBy(deployments, (d) => d.targetId);
  for (const list of byTarget.values()) list.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return byTarget;
}

function inRange(date: Date | null, from: Date, to: Date): boolean {
  return date !== null && date.getTime() >= from.getTime() && date.getTime() < to.getTime();
}

export function computeInsights({ deployments, from, to }: { deployments: readonly InsightDeployment[]; from: Date; to: Date }): Insights {
  const byTarget = groupByTarget(deployments);
  const deploys = deployments
    .filter((d) => d.kind === "deploy" && inRange(d.finishedAt, from, to))
    .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
  const outcomes: { deploy: InsightDeployment; result: ChangeOutcome }[] = deploys.map((deploy) => ({
    deploy,
    result: classifyChange({ deploy, onTarget: byTarget.get(deploy.targetId) ?? [] }),
  }));

  const succeeded = deploys.filter((d) => d.state === "succeeded");
  const withCommit = succeeded.filter((d) => d.committedAt !== null);
  const leadTimes = withCommit.map((d) => Math.max(0, (d.finishedAt!.getTime() - d.committedAt!.getTime()) / 1000));

  const counted = outcomes.filter((o) => o.result.outcome !== "not_counted");
  const failures: ChangeFailure[] = outcomes.flatMap((o) => (o.result.outcome === "failure" ? [o.result.failure] : []));
  const notCounted = (why: string) => outcomes.filter((o) => o.result.outcome === "not_counted" && o.result.why === why).length;
  const restored = failures.filter((f) => f.restoreSeconds !== null);

  return {
    from,
    to,
    deploymentFrequency: {
      count: succeeded.length,
      perDay: succeeded.length / Math.max((to.getTime() - from.getTime()) / DAY_MS, 1 / 24),
      deploymentIds: succeeded.map((d) => d.id),
    },
    leadTime: {
      medianSeconds: median({ values: leadTimes }),
      count: withCommit.length,
      withoutCommitTime: succeeded.length - withCommit.length,
      deploymentIds: withCommit.map((d) => d.id),
    },
    changeFailureRate: {
      rate: counted.length === 0 ? null : failures.length / counted.length,
      failures: failures.length,
      total: counted.length,
      failureIds: failures.map((f) => f.deploymentId),
      countedIds: counted.map((o) => o.deploy.id),
      notCounted: { aborted: notCounted("aborted"), neverStarted: notCounted("never_started") },
    },
    timeToRestore: {
      medianSeconds: median({ values: restored.map((f) => f.restoreSeconds!) }),
      restored: restored.length,
      notRestored: failures.length - restored.length,
      failures,
    },
  };
}
