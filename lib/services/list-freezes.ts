// Freezes still to come or in force, per environment slug, for the environment settings page.
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";

export type FreezeView = { id: string; environment: string; startsAt: string; endsAt: string; reason: string; createdBy: string };

export async function listFreezes(): Promise<FreezeView[]> {
  const now = await clockNow();
  const freezes = await db.freeze.findMany({
    where: { endsAt: { gt: now } },
    include: { environment: { select: { slug: true } }, createdBy: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
  });
  return freezes.map((f) => ({
    id: f.id,
    environment: f.environment.slug,
    startsAt: f.startsAt.toISOString(),
    endsAt: f.endsAt.toISOString(),
    reason: f.reason,
    createdBy: f.createdBy.name,
  }));
}
