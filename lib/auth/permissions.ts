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

/** Roles ordered by reach, so a token can be capped at its creator's role. */
const RANK: Record<Role, number> = { viewer: 0, developer: 1, oncall: 1, release_manager: 2, admin: 3 };

export function isRoleWithin(role: Role, ceiling: Role): boolean {
  if (role === ceiling || ceiling === "admin") return true;
  return RANK[role] < RANK[ceiling];
}
