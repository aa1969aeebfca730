"use client";
// A page that failed to render. The most common cause is a dependency going down; the banner above names it.
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white px-6 py-8">
      <h1 className="text-base font-semibold text-slate-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-700">
        Flightdeck could not get what this page needs. If PostgreSQL or Redis is down, the red banner at the top names it and says how to
        fix it; the page works again as soon as it is back.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">Error reference: {error.digest}</p> : null}
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
