// GET, POST /api/v1/users — list users, create a user with an initial password; admin.
import { json, route } from "@/lib/api/route";
import { createUserBody } from "@/lib/schemas/users";
import { createUser } from "@/lib/services/create-user";
import { listUsers } from "@/lib/services/list-users";

export const GET = route({ permission: "admin.manage" }, () => listUsers());

export const POST = route({ permission: "admin.manage", body: createUserBody }, async ({ principal, body }) =>
  json(await createUser({ principal, input: body }), 201),
);
