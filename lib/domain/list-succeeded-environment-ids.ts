// Where a release counts as having succeeded, for promotion. Only a deploy that finished as `succeeded`
// counts: a failed, aborted or rolled-back one does not, and neither does a success that was later undone
// by a rollback (the release misbehaved there after all).

export type ReleaseDeployment = {
  environmentId: string;
  kind: "deploy" | "rollback";
  state: string;
  /** a later rollback deployment restored an earlier revision over this one */
  isRolledBack: boolean;
};

export function listSucceededEnvironmentIds(options: { deployments: readonly ReleaseDeployment[] }): string[] {
  const succeeded = options.deployments.filter((d) => d.kind === "deploy" && d.state === "succeeded" && !d.isRolledBack);
  return [...new Set(succeeded.map((d) => d.environmentId))];
}
