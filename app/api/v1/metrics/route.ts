// GET /api/v1/metrics — Flightdeck's own metrics in the Prometheus text format; an API token or a session (view).
import { route } from "@/lib/api/route";
import { renderFlightdeckMetrics } from "@/lib/services/analysis/render-flightdeck-metrics";

export const GET = route({ permission: "view" }, async () => {
  const { contentType, body } = await renderFlightdeckMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
