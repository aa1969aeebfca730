// GET /api/v1/me — the caller: identity, role and permissions; signed in (session or API token).
import { route } from "@/lib/api/route";
import { getMe } from "@/lib/services/get-me";

export const GET = route({ permission: "view" }, async ({ principal }) => getMe(principal));
