// Command-line tools read .env.local like the Next.js app does (settings already in the environment win), so
// `npm run secrets:rotate` and `npm run db:migrate` find the FLIGHTDECK_SECRET_KEY that `npm run demo` wrote.
import { existsSync } from "node:fs";
import path from "node:path";

export function loadLocalEnv(root: string): void {
  const file = path.join(root, ".env.local");
  if (existsSync(file)) process.loadEnvFile(file);
}
