// GET /api/v1/services/{id}/secrets — the service's secrets by name and dates, never their values; admin.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { listServiceSecrets } from "@/lib/services/service-secrets/list-service-secrets";

export const GET = route({ permission: "admin.manage", params: idParams }, ({ params }) => listServiceSecrets(params.id));
