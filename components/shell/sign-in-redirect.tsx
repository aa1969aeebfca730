"use client";
// Fallback for the signed-in layout when a page did not redirect on the server: send the visitor to the
// sign-in page with the address they asked for.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

export function SignInRedirect() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  useEffect(() => {
    const query = searchParams.toString();
    const back = query ? `${pathname}?${query}` : pathname;
    router.replace(`/signin?callbackUrl=${encodeURIComponent(back)}`);
  }, [router, pathname, searchParams]);

  return (
    <p role="status" className="p-8 text-sm text-slate-600">
      Redirecting to sign in…
    </p>
  );
}
