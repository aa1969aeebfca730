// The Environment row's policy columns in the shapes the domain decisions read. allowWindows is a JSON
// column validated when saved; a malformed entry is passed on as-is so evaluateWindow fails closed and
// names it, instead of this code throwing inside a request.
import type { Role } from "@/lib/auth/permissions";
import type { Environment } from "@/lib/db";
import type { ApprovalPolicy } from "@/lib/domain/evaluate-approvals";
import type { AllowWindow, Freeze, WindowPolicy } from "@/lib/domain/evaluate-window";

export function toAllowWindows(value: unknown): AllowWindow[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => {
    const w = (entry ?? {}) as Partial<Record<keyof AllowWindow, unknown>>;
    return { days: Array.isArray(w.days) ? (w.days as number[]) : [0], start: String(w.start ?? ""), end: String(w.end ?? "") };
  });
}

export function toWindowPolicy(environment: Environment, freezes: readonly Freeze[]): WindowPolicy {
  return {
    timezone: environment.timezone,
    allowWindows: toAllowWindows(environment.allowWindows),
    freezes: freezes.map(({ startsAt, endsAt, reason }) => ({ startsAt, endsAt, reason })),
    hotfixAnyTime: environment.hotfixAnyTime,
  };
}

export function toApprovalPolicy(environment: Environment): ApprovalPolicy {
  return {
    requiredApprovals: environment.requiredApprovals,
    approverRoles: environment.approverRoles as Role[],
    allowSelfApproval: environment.allowSelfApproval,
    approvalTtlMinutes: environment.approvalTtlMinutes,
  };
}
