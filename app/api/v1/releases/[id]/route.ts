// GET /api/v1/releases/{id} — the release with, per environment, approvals, window, promotion, readiness, deployments and changes; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { getReleaseDetail } from "@/lib/services/get-release-detail";

export const GET = route({ permission: "view", params: idParams }, ({ principal, params }) =>
  getReleaseDetail({ principal, id: params.id }),
);
