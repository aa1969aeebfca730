// What the gates need to know about a release in one environment: its approvals there (with who gave them),
// the freezes still to come or in force, and on the target the backup recorded for it, open P1 alerts and,
// where the environment freezes on a spent error budget, the budget.
import type { Role } from "@/lib/auth/permissions";
import type { Environment, Prisma, PrismaClient, Release, Target } from "@/lib/db";
import type { ApprovalRecord } from "@/lib/domain/evaluate-approvals";
import { type BudgetFact, loadBudgetFact } from "./load-budget-fact";

type Client = PrismaClient | Prisma.TransactionClient;

export type ApprovalFact = ApprovalRecord & { id: string; comment: string | null; userEmail: string };
export type FreezeFact = { id: string; startsAt: Date; endsAt: Date; reason: string };

export type EnvironmentFacts = {
  approvals: ApprovalFact[];
  freezes: FreezeFact[];
  requiresBackup: boolean;
  backupRecorded: boolean;
  openP1Alerts: number;
  /** the target's error budget when the environment freezes deploys on a spent one; null otherwise */
  budget: BudgetFact | null;
};

export async function loadEnvironmentFacts(
  client: Client,
  options: {
    release: Pick<Release, "id">;
    environment: Pick<Environment, "id"> & Partial<Pick<Environment, "budgetFreeze">>;
    target: Pick<Target, "id" | "requiresBackup"> | null;
    now: Date;
  },
): Promise<EnvironmentFacts> {
  const { release, environment, target, now } = options;
  const [approvals, freezes, backups, openP1Alerts, budget] = await Promise.all([
    client.approval.findMany({
      where: { releaseId: release.id, environmentId: environment.id },
      include: { user: { select: { name: true, email: true, role: true } } },
      orderBy: { createdAt: "asc" },
    }),
    client.freeze.findMany({
      where: { environmentId: environment.id, endsAt: { gt: now } },
      select: { id: true, startsAt: true, endsAt: true, reason: true },
      orderBy: { startsAt: "asc" },
    }),
    target ? client.backup.count({ where: { targetId: target.id, releaseId: release.id } }) : 0,
    target ? client.alert.count({ where: { targetId: target.id, severity: "P1", resolvedAt: null } }) : 0,
    target && environment.budgetFreeze ? loadBudgetFact({ targetId: target.id, now }) : null,
  ]);
  return {
    approvals: approvals.map((a) => ({
      id: a.id,
      userId: a.userId,
      userName: a.user.name,
      userEmail: a.user.email,
      userRole: a.user.role as Role,
      decision: a.decision,
      digest: a.digest,
      comment: a.comment,
      createdAt: a.createdAt,
      withdrawnAt: a.withdrawnAt,
    })),
    freezes,
    requiresBackup: target?.requiresBackup ?? false,
    backupRecorded: backups > 0,
    openP1Alerts,
    budget,
  };
}
