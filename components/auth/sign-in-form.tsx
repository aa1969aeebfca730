"use client";
// Email + password through next-auth's credentials provider (no page reload on a wrong password; a lockout
// says how long to wait), and the single sign-on button when OIDC is configured.
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/form";
import { signInErrorMessage } from "./sign-in-messages";
import { submitCredentials } from "./submit-credentials";

type Props = { callbackUrl: string; initialError: string | null; oidcName: string | null };

export function SignInForm({ callbackUrl, initialError, oidcName }: Props) {
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await submitCredentials({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl,
      });
      if (!result.ok) {
        setError(signInErrorMessage(result.error, result.retryAfterSeconds));
        setPending(false);
        return;
      }
      // A full navigation, so the server renders the signed-in layout with the new session cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError("Flightdeck's server did not answer. Check that it is running and try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-3" noValidate={false}>
        <Field id="signin-email" label="Email">
          <Input id="signin-email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field id="signin-password" label="Password">
          <Input id="signin-password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <FormError message={error} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {oidcName ? (
        <>
          <div className="flex items-center gap-2 text-xs text-slate-400">
            <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button variant="secondary" className="w-full" onClick={() => signIn("oidc", { callbackUrl })}>
            Sign in with {oidcName}
          </Button>
        </>
      ) : null}
    </div>
  );
}
