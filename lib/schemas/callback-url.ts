// Where to go after sign-in. Only same-origin paths: an absolute or protocol-relative callbackUrl would let
// a crafted link send people to another site straight after they typed their password.
export const DEFAULT_AFTER_SIGN_IN = "/overview";

export function safeCallbackUrl(value: string | string[] | undefined | null): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (url === "/signin" || url.startsWith("/signin?") || url.startsWith("/api/")) return DEFAULT_AFTER_SIGN_IN;
  return url;
}
