// Posts email and password to next-auth's credentials callback, as next-auth's own signIn() does, but keeps
// the answer's status and Retry-After: signIn() drops both, and the form must say how long a lockout lasts.
import { getCsrfToken } from "next-auth/react";

export type CredentialsResult = { ok: true } | { ok: false; error: string; retryAfterSeconds?: number };

function errorOf(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    return new URL(url, window.location.origin).searchParams.get("error");
  } catch {
    return null;
  }
}

export async function submitCredentials(input: { email: string; password: string; callbackUrl: string }): Promise<CredentialsResult> {
  const csrfToken = (await getCsrfToken()) ?? "";
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...input, csrfToken, json: "true" }),
    cache: "no-store",
  });
  const body = (await response.json().catch(() => ({}))) as { url?: unknown };
  if (response.status === 429) {
    return {
      ok: false,
      error: errorOf(body.url) ?? "SignInLimited",
      retryAfterSeconds: Number(response.headers.get("retry-after")) || undefined,
    };
  }
  const error = errorOf(body.url);
  if (!response.ok || error) return { ok: false, error: error ?? (response.status === 503 ? "Unavailable" : "CredentialsSignin") };
  return { ok: true };
}
