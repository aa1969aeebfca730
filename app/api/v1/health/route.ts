// GET /api/v1/health — database, Redis and worker status; anyone.
import { json, route } from "@/lib/api/route";
import { getHealth } from "@/lib/services/health";

export const GET = route({ permission: "public" }, async () => {
  const health = await getHealth();
  // no-store: a cached "ok" from a proxy would hide an outage.
  const headers = { "cache-control": "no-store", ...(health.status === "ok" ? {} : { "retry-after": "5" }) };
  return json(health, { status: health.status === "ok" ? 200 : 503, headers });
});
