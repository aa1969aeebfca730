// The seeded demo accounts, listed only when DEMO_SIGNINS=1 (demo and test installs).
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";

export const DEMO_PASSWORD = "flightdeck-demo";

const ACCOUNTS: { email: string; role: Role }[] = [
  { email: "admin@flightdeck.local", role: "admin" },
  { email: "release@flightdeck.local", role: "release_manager" },
  { email: "release2@flightdeck.local", role: "release_manager" },
  { email: "oncall@flightdeck.local", role: "oncall" },
  { email: "dev@flightdeck.local", role: "developer" },
  { email: "viewer@flightdeck.local", role: "viewer" },
];

export function DemoAccounts() {
  return (
    <section
      aria-labelledby="demo-accounts-title"
      data-testid="demo-accounts"
      className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm"
    >
      <h2 id="demo-accounts-title" className="font-semibold text-amber-900">
        Demo accounts
      </h2>
      <p className="mt-0.5 text-xs text-amber-800">
        Every account uses the password <code className="rounded bg-white px-1 font-mono">{DEMO_PASSWORD}</code>.
      </p>
      <ul className="mt-2 divide-y divide-amber-200/70">
        {ACCOUNTS.map((account) => (
          <li key={account.email} className="flex items-center justify-between gap-2 py-1">
            <code className="font-mono text-xs text-slate-800">{account.email}</code>
            <span className="text-xs text-amber-900">{ROLE_LABELS[account.role]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
