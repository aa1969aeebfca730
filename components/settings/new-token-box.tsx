"use client";
// The new token's secret, shown exactly once, with a copy button.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function NewTokenBox({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" data-testid="new-token" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <p className="text-sm font-semibold text-amber-900">Token “{name}” created</p>
      <p className="mt-0.5 text-sm text-amber-900">Copy it now: it will not be shown again. Flightdeck stores only its hash.</p>
      <div className="mt-2 flex gap-2">
        <label htmlFor="new-token-value" className="sr-only">
          New API token
        </label>
        <input
          id="new-token-value"
          readOnly
          value={token}
          data-testid="new-token-value"
          onFocus={(event) => event.currentTarget.select()}
          className="h-9 flex-1 rounded-md border border-amber-300 bg-white px-2.5 font-mono text-sm"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(token).then(
              () => setCopied(true),
              () => setCopied(false),
            );
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
