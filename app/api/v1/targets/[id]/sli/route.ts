// GET /api/v1/targets/{id}/sli?range=1h|6h|24h|7d|30d — the SLO dashboard's series for one target, with its
// objectives and deployment markers; signed in.
import { route } from "@/lib/api/route";
import { sliSeriesQuery, targetIdParams } from "@/lib/schemas/slos";
import { getSliSeries } from "@/lib/services/sli/get-sli-series";

export const GET = route({ permission: "view", params: targetIdParams, query: sliSeriesQuery }, ({ params, query }) =>
  getSliSeries({ targetId: params.id, range: query.range }),
);
