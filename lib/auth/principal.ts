// Who is acting: a signed-in user, or an API token acting with the lower of its own role and its owner's current one.
import type { Role } from "./permissions";

export type Principal = {
  kind: "user" | "token";
  userId: string;
  email: string;
  name: string;
  role: Role;
  tokenId?: string;
  /** how the audit log names the actor */
  label: string;
};

export const SYSTEM_ACTOR = { userId: null, label: "system" } as const;
