// GET /api/v1/services — the service catalog (no provider credentials); signed in.
import { route } from "@/lib/api/route";
import { listServices } from "@/lib/services/list-services";

export const GET = route({ permission: "view" }, () => listServices());
