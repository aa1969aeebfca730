// PUT, DELETE /api/v1/services/{id}/secrets/{name} — set or replace a secret {value} (write-only: the answer
// never carries it), or delete it; admin.
import { route } from "@/lib/api/route";
import { serviceSecretParams, setServiceSecretBody } from "@/lib/schemas/service-secrets";
import { deleteServiceSecret } from "@/lib/services/service-secrets/delete-service-secret";
import { setServiceSecret } from "@/lib/services/service-secrets/set-service-secret";

export const PUT = route(
  { permission: "admin.manage", params: serviceSecretParams, body: setServiceSecretBody },
  ({ principal, params, body }) => setServiceSecret({ principal, serviceId: params.id, name: params.name, value: body.value }),
);

export const DELETE = route({ permission: "admin.manage", params: serviceSecretParams }, ({ principal, params }) =>
  deleteServiceSecret({ principal, serviceId: params.id, name: params.name }),
);
