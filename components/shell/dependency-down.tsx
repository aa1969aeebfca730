"use client";
// Shown instead of the app when the signed-in layout cannot reach its database. It keeps polling health
// and reloads the page as soon as the dependency is back.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { DependencyBanner } from "./dependency-banner";
import { useHealth } from "./use-health";

export function DependencyDown({ detail }: { detail: string }) {
  const router = useRouter();
  const { data } = useHealth();
  const isBack = data?.status === "ok";

  useEffect(() => {
    if (isBack) router.refresh();
  }, [isBack, router]);

  return (
    <div className="min-h-screen">
      <DependencyBanner />
      <main className="mx-auto max-w-xl px-6 py-16">
        <h1 className="text-lg font-semibold text-slate-900">Flightdeck cannot reach its database</h1>
        <p className="mt-2 text-sm text-slate-700">{detail}</p>
        <p className="mt-2 text-sm text-slate-500">
          This page checks again every 10 seconds and reloads by itself when the database answers.
        </p>
        <Button className="mt-4" variant="secondary" onClick={() => router.refresh()}>
          Try again now
        </Button>
      </main>
    </div>
  );
}
