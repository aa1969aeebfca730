// GET, POST /api/auth/* — next-auth's sign-in, callback and session endpoints; anyone.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => NextAuth(authOptions())(request, context);

export { handler as GET, handler as POST };
