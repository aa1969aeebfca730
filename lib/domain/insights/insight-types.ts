// What the delivery metrics (DORA) read and what they return. Times are Dates; the service turns them into
// ISO strings for the API. Every figure carries the ids of the deployments it counts, so a page can link to
// exactly those.

/** One deployment of a target, as the metrics need it. */
export type InsightDeployment = {
  id: string;
  targetId: string;
  kind: "deploy" | "rollback";
  state: string;
  revision: string | null;
  replacesRevision: string | null;
  rollbackOfId: string | null;
  createdAt: Date;
  /** when a worker first ran one of its steps: null for a deploy that never touched its target */
  startedAt: Date | null;
  finishedAt: Date | null;
  /** its first `error` event: when its step failed (a smoke check, the analysis, the provider) */
  firstErrorAt: Date | null;
  /** the commit time of its release, when CI sent one */
  committedAt: Date | null;
};

/** Why a deploy counts as a change failure. */
export type FailureCause =
  /** the engine took it back (smoke tests, analysis, post-deploy checks, a provider error) */
  | "reverted"
  /** it failed with nothing to take back to */
  | "failed"
  /** a person's rollback pre-empted it while it ran */
  | "rollback_preempted"
  /** it succeeded, then a rollback took traffic away from it */
  | "rolled_back_after_success";

export type ChangeFailure = {
  deploymentId: string;
  cause: FailureCause;
  failedAt: Date;
  /** when the target was healthy again: the revert finished, or the next deployment on it succeeded */
  restoredAt: Date | null;
  /** the deployment that restored it (the failed deploy itself when the engine reverted it) */
  restoredById: string | null;
  /** restoredAt − failedAt; null while not restored */
  restoreSeconds: number | null;
};

export type Insights = {
  from: Date;
  to: Date;
  /** successful deploys finished in the range */
  deploymentFrequency: { count: number; perDay: number; deploymentIds: string[] };
  /** commit time → success, over the successful deploys whose release has a commit time */
  leadTime: { medianSeconds: number | null; count: number; withoutCommitTime: number; deploymentIds: string[] };
  /** change failures over the deploys that finished in the range, people's aborts and never-started deploys left out */
  changeFailureRate: {
    rate: number | null;
    failures: number;
    total: number;
    failureIds: string[];
    countedIds: string[];
    /** aborted by a person, or refused before a worker touched the target */
    notCounted: { aborted: number; neverStarted: number };
  };
  /** failure → next healthy state, over the change failures of the range */
  timeToRestore: { medianSeconds: number | null; restored: number; notRestored: number; failures: ChangeFailure[] };
};
