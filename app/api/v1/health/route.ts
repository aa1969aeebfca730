// GET /api/v1/health — database, Redis and worker status; anyone.
import { json, route } from "@/lib/api/route";
import { getHealth } from "@/lib/services/health";

// Health must be computed on every call, never prerendered or cached.
export const dynamic = "force-dynamic";

export const GET = route({ permission: "public" }, async () => {
  const health = await getHealth();
  const headers = { "cache-control": "no-store", ...(health.status === "ok" ? {} : { "retry-after": "5" }) };
  return json(health, { status: health.status === "ok" ? 200 : 503, headers });
});
