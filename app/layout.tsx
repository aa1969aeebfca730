import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Flightdeck", template: "%s · Flightdeck" },
  description: "Release control plane: approvals, deployment windows, rollouts and one-click rollback.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: proxy.ts gives each one a fresh CSP nonce, and a page prerendered at
  // build time (the 404 page, the / redirect) would carry scripts without it, which the browser refuses.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
