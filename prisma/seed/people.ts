// One demo user per role (and a second release manager, since production needs two approvals).
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient, Role } from "@/lib/db";

export const DEMO_PASSWORD = "flightdeck-demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@flightdeck.local", name: "Ada Admin", role: "admin" },
  { email: "release@flightdeck.local", name: "Rita Release", role: "release_manager" },
  { email: "release2@flightdeck.local", name: "Remy Release", role: "release_manager" },
  { email: "oncall@flightdeck.local", name: "Omar Oncall", role: "oncall" },
  { email: "dev@flightdeck.local", name: "Dana Developer", role: "developer" },
  { email: "viewer@flightdeck.local", name: "Vic Viewer", role: "viewer" },
];

export async function seedPeople(db: PrismaClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: Record<Role, string> & Record<string, string> = {} as never;
  for (const u of DEMO_USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: {},
      create: { ...u, passwordHash },
    });
    users[u.email] = user.id;
    users[u.role] ??= user.id;
  }
  return users;
}
