// May a release go to this environment, given where it has already succeeded? A release reaches an
// environment only after it succeeded in the one immediately before it in promotion order (staging →
// production); the first environment is always open to it, and hotfixes are exempt (a post-hoc review
// covers them).

export type PromotionEnvironment = { id: string; slug: string; promotionOrder: number };

export type PromotionDecision = {
  allowed: boolean;
  /** the rule that allowed or refused, in words a person can act on */
  reason: string;
  /** slug of the environment the release must succeed in first, when refused for that */
  requiredEnvironment?: string;
  bypass: "hotfix" | null;
};

export function evaluatePromotion(options: {
  environments: readonly PromotionEnvironment[];
  targetEnvironmentId: string;
  hotfix: boolean;
  /** environments where a deploy of this release succeeded and still stands (see listSucceededEnvironmentIds) */
  succeededEnvironmentIds: readonly string[];
}): PromotionDecision {
  const { targetEnvironmentId, hotfix, succeededEnvironmentIds } = options;
  const ordered = [...options.environments].sort((a, b) => a.promotionOrder - b.promotionOrder);
  const index = ordered.findIndex((e) => e.id === targetEnvironmentId);
  const target = ordered[index];
  if (!target) return { allowed: false, reason: `Unknown environment ${targetEnvironmentId}`, bypass: null };
  const previous = ordered[index - 1];
  if (!previous) {
    return { allowed: true, reason: `${target.slug} is the first environment in the promotion order`, bypass: null };
  }
  if (succeededEnvironmentIds.includes(previous.id)) {
    return { allowed: true, reason: `Succeeded in ${previous.slug}, so it may go to ${target.slug}`, bypass: null };
  }
  if (hotfix) {
    return {
      allowed: true,
      reason: `Hotfix: exempt from succeeding in ${previous.slug} before ${target.slug}; a post-hoc review will be opened`,
      bypass: "hotfix",
    };
  }
  return {
    allowed: false,
    reason: `Deploy this release to ${previous.slug} and let it succeed there before ${target.slug}`,
    requiredEnvironment: previous.slug,
    bypass: null,
  };
}
