// A deployment with everything a step needs: its plan, release, target (service, environment).
import { db } from "@/lib/db";
import type { RolloutStep } from "@/lib/domain/plan-rollout";
import type { ProviderTarget } from "@/lib/providers/types";
import { toProviderTarget } from "./provider-target";

export async function loadDeployment(id: string) {
  const deployment = await db.deployment.findUnique({
    where: { id },
    include: { release: true, target: { include: { service: true, environment: true } } },
  });
  if (!deployment) return null;
  return { ...deployment, steps: deployment.plan as RolloutStep[] };
}

export type LoadedDeployment = NonNullable<Awaited<ReturnType<typeof loadDeployment>>>;

export function providerTargetOf(d: LoadedDeployment): ProviderTarget {
  return toProviderTarget(d.target);
}

/** The revision a deploy creates: a DNS label unique to the deployment, so repeating the step names the same one. */
export function revisionNameFor(d: { id: string; target: { service: { slug: string }; environment: { slug: string } } }): string {
  const prefix = `${d.target.service.slug}-${d.target.environment.slug}`.slice(0, 40).replace(/-+$/, "");
  return `${prefix}-${d.id.slice(-12)}`.toLowerCase();
}
