// The signed-in principal for server components, memoised per request so the layout and the page that
// both need it read the session and the user row once.
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPrincipal } from "@/lib/auth/get-principal";
import type { Principal } from "@/lib/auth/principal";

export const getCurrentPrincipal = cache(() => getPrincipal());

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The principal, or a redirect to the sign-in page that comes back to `path`. Pages call this because only
 * they know their own path (a layout is not told the URL it renders for).
 */
export async function requireSignedIn(path: string, searchParams: SearchParams = {}): Promise<Principal> {
  const principal = await getCurrentPrincipal();
  if (principal) return principal;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) search.append(key, v);
  }
  const query = search.toString();
  redirect(`/signin?callbackUrl=${encodeURIComponent(query ? `${path}?${query}` : path)}`);
}
