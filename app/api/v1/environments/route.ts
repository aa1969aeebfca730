// GET /api/v1/environments — environments with approval and window policies (no webhook URL); signed in.
import { route } from "@/lib/api/route";
import { listEnvironments } from "@/lib/services/list-environments";

export const GET = route({ permission: "view" }, () => listEnvironments());
