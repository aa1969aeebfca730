import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, BASELINE_SECURITY_HEADERS } from "./lib/api/security-headers";

const baseline = Object.entries(BASELINE_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Driver and queue libraries load native or Node-only code; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
  // A floor for what neither proxy.ts (pages) nor the route wrapper (/api/v1) answers: static files,
  // next-auth's routes, unknown paths. Fixed at build time, so the https-only HSTS is set at runtime there.
  async headers() {
    return [
      { source: "/:path*", headers: baseline },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ];
  },
};

export default nextConfig;
