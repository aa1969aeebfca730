// The tests need Debian's Chromium (Playwright must not download a browser), the Redis and PostgreSQL
// server binaries (the dependency-down test starts private instances) and Prometheus (the metrics tests
// scrape real processes with a private one) and Alertmanager (the receiver's test sends through a private one).
// Installs what is missing when root.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

type Need = { what: string; present: () => boolean; debianPackage: string };

const NEEDS: Need[] = [
  { what: "Chromium", present: () => existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"), debianPackage: "chromium" },
  { what: "redis-server", present: () => spawnSync("redis-server", ["--version"]).status === 0, debianPackage: "redis-server" },
  {
    what: "PostgreSQL server binaries",
    present: () =>
      existsSync("/usr/lib/postgresql") &&
      readdirSync("/usr/lib/postgresql").some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)),
    debianPackage: "postgresql",
  },
  {
    what: "Prometheus",
    present: () => spawnSync(process.env.PROMETHEUS_PATH ?? "prometheus", ["--version"]).status === 0,
    debianPackage: "prometheus",
  },
  {
    what: "Alertmanager",
    present: () => spawnSync(process.env.ALERTMANAGER_PATH ?? "prometheus-alertmanager", ["--version"]).status === 0,
    debianPackage: "prometheus-alertmanager",
  },
];

export function ensureSystemPackages(): void {
  const missing = NEEDS.filter((n) => !n.present());
  if (missing.length === 0) return;
  const packages = missing.map((m) => m.debianPackage);
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing ${missing.map((m) => m.what).join(", ")}. Install with: sudo apt-get install -y ${packages.join(" ")}`);
  }
  console.log(`Installing ${packages.join(", ")} from Debian's packages…`);
  execFileSync("apt-get", ["update", "-q"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-q", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
