// GET, POST /api/auth/* — next-auth's sign-in, callback and session endpoints; anyone. Password sign-ins
// pass the sign-in limits first (429 with Retry-After while an account or address is locked).
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { guardCredentialsSignIn } from "@/lib/services/guard-credentials-sign-in";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  const [action, provider] = (await context.params).nextauth;
  if (request.method === "POST" && action === "callback" && provider === "credentials") {
    const refusal = await guardCredentialsSignIn(request);
    if (refusal) return refusal;
  }
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
