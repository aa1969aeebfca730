// The default permission table of DESIGN.md, in one place. Route handlers and server actions declare one
// of these permissions; the API wrapper checks it on the server.
export const ROLES = ["admin", "release_manager", "oncall", "developer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** view everything but secrets */
  view: ["admin", "release_manager", "oncall", "developer", "viewer"],
  "release.create": ["admin", "release_manager", "developer"],
  /** approve / reject — further limited by the environment's policy and never one's own release */
  "release.approve": ["admin", "release_manager"],
  "deploy.nonproduction": ["admin", "release_manager", "developer"],
  "deploy.production": ["admin", "release_manager"],
  "rollout.control": ["admin", "release_manager", "oncall"],
  rollback: ["admin", "release_manager", "oncall"],
  /** run a smoke suite now (against a target or a URL) */
  "smoke.run": ["admin", "release_manager", "oncall"],
  /** acknowledge an alert (DESIGN: with running a smoke suite now) */
  "alert.acknowledge": ["admin", "release_manager", "oncall"],
  /** send the operator's Alertmanager alerts (POST /api/v1/integrations/alertmanager, API tokens only) */
  "alert.ingest": ["admin", "release_manager", "oncall"],
  "window.override": ["admin", "release_manager"],
  "review.close": ["admin", "release_manager"],
  /** users, environments, services, targets, API tokens */
  "admin.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  release_manager: "Release manager",
  oncall: "On-call engineer",
  developer: "Developer",
  viewer: "Viewer",
};

/** Every permission `role` holds. Reach is compared on these sets, so no separate ranking can drift from the table. */
function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
}

/**
 * Whether `role` can do nothing that `ceiling` cannot. Roles are only partly ordered: developer and oncall
 * each hold a permission the other lacks, so neither is within the other.
 */
export function isRoleWithin(role: Role, ceiling: Role): boolean {
  return permissionsOf(role).every((permission) => can(ceiling, permission));
}

/**
 * The widest role within both `a` and `b`: what a token of role `a` may do for an owner whose role is now `b`.
 * For incomparable roles (developer, oncall) that is the role holding what they share (viewer).
 */
export function lowerRole(a: Role, b: Role): Role {
  const common = ROLES.filter((role) => isRoleWithin(role, a) && isRoleWithin(role, b));
  // ROLES is ordered widest first, and viewer is within every role, so `common` is never empty.
  return common.reduce((best, role) => (permissionsOf(role).length > permissionsOf(best).length ? role : best));
}
