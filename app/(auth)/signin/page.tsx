// The sign-in page: email and password, the configured single sign-on provider, and — on demo installs —
// the demo accounts.
import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { env, isOidcConfigured } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/schemas/callback-url";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const e = env();
  const error = Array.isArray(params.error) ? params.error[0] : params.error;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4 py-12">
      <div className="w-full max-w-sm space-y-4">
        <div className="flex items-center justify-center gap-2">
          <span aria-hidden className="grid size-8 place-items-center rounded bg-slate-900 text-sm font-bold text-white">
            F
          </span>
          <span className="text-xl font-semibold tracking-tight text-slate-900">Flightdeck</span>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="mb-4 text-base font-semibold text-slate-900">Sign in</h1>
          <SignInForm
            callbackUrl={safeCallbackUrl(params.callbackUrl)}
            initialError={error ?? null}
            oidcName={isOidcConfigured(e) ? e.OIDC_NAME : null}
          />
        </div>
        {e.DEMO_SIGNINS ? <DemoAccounts /> : null}
      </div>
    </main>
  );
}
