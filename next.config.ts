import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Driver and queue libraries load native or Node-only code; keep them out of the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
