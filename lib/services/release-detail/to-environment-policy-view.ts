// An environment's policies as the API shows them. The notification webhook is a secret (whoever holds it can
// post to the channel), stored encrypted: only whether one is set is returned, never the URL.
import type { Role } from "@/lib/auth/permissions";
import type { Environment } from "@/lib/db";
import type { AllowWindow } from "@/lib/domain/evaluate-window";
import { toAllowWindows } from "../gates/to-policies";

export type EnvironmentPolicyView = {
  id: string;
  slug: string;
  name: string;
  promotionOrder: number;
  isProduction: boolean;
  timezone: string;
  requiredApprovals: number;
  approverRoles: Role[];
  allowSelfApproval: boolean;
  approvalTtlMinutes: number;
  allowWindows: AllowWindow[];
  hotfixAnyTime: boolean;
  /** deploys are refused while a service's error budget here is spent (rollbacks and hotfixes go) */
  budgetFreeze: boolean;
  hasNotifyWebhook: boolean;
};

export function toEnvironmentPolicyView(environment: Environment): EnvironmentPolicyView {
  return {
    id: environment.id,
    slug: environment.slug,
    name: environment.name,
    promotionOrder: environment.promotionOrder,
    isProduction: environment.isProduction,
    timezone: environment.timezone,
    requiredApprovals: environment.requiredApprovals,
    approverRoles: environment.approverRoles as Role[],
    allowSelfApproval: environment.allowSelfApproval,
    approvalTtlMinutes: environment.approvalTtlMinutes,
    allowWindows: toAllowWindows(environment.allowWindows),
    hotfixAnyTime: environment.hotfixAnyTime,
    budgetFreeze: environment.budgetFreeze,
    hasNotifyWebhook: Boolean(environment.notifyWebhookEncrypted),
  };
}
