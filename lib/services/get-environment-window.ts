// GET /api/v1/environments/{slug}/window: is the environment's deployment window open now, and when does it
// next open or close? Evaluated for an ordinary deploy (no hotfix, no override), with the freezes to come.
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { evaluateWindow } from "@/lib/domain/evaluate-window";
import { toWindowPolicy } from "./gates/to-policies";
import { toWindowView, type WindowView } from "./gates/to-window-view";
import { loadEnvironment } from "./load-environment";

export async function getEnvironmentWindow({ slug }: { slug: string }): Promise<WindowView & { environment: string; timezone: string }> {
  const environment = await loadEnvironment({ slug });
  const now = await clockNow();
  const freezes = await db.freeze.findMany({ where: { environmentId: environment.id, endsAt: { gt: now } }, orderBy: { startsAt: "asc" } });
  const decision = evaluateWindow({ policy: toWindowPolicy(environment, freezes), now, kind: "deploy", hotfix: false });
  return { environment: environment.slug, timezone: environment.timezone, ...toWindowView(decision, environment.timezone) };
}
