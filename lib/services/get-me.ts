// Who the caller is, and what their role lets them do — the UI shows or hides actions from this, while the
// server still checks every call.
import { can, PERMISSIONS, ROLE_LABELS, type Permission, type Role } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";

export type Me = {
  id: string;
  kind: "user" | "token";
  email: string;
  name: string;
  role: Role;
  roleLabel: string;
  permissions: Permission[];
};

export function getMe(principal: Principal): Me {
  return {
    id: principal.userId,
    kind: principal.kind,
    email: principal.email,
    name: principal.name,
    role: principal.role,
    roleLabel: ROLE_LABELS[principal.role],
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(principal.role, p)),
  };
}
