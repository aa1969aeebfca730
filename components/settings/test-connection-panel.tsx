"use client";
// "Test connection" in the target form: sends what the form holds now (saved or not) and lists each check
// the provider ran — reach the platform, authenticate, each permission a deploy needs — passed or failed
// with the platform's words. Changes nothing on the platform.
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form";
import { useTestConnection, type ConnectionDraft } from "./use-test-connection";

export function TestConnectionPanel({ readDraft }: { readDraft: () => ConnectionDraft }) {
  const test = useTestConnection();
  const report = test.data;
  return (
    <section aria-label="Connection test" className="space-y-2 rounded-md border border-slate-200 p-3">
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-slate-600">Try these settings on the platform before saving. Nothing is deployed.</p>
        <Button variant="secondary" size="sm" disabled={test.isPending} onClick={() => test.mutate(readDraft())}>
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
      </div>
      <FormError message={test.error?.message} />
      {report ? (
        <div role="status" className="space-y-1 text-sm">
          <p className={report.ok ? "font-medium text-emerald-700" : "font-medium text-red-700"}>
            {report.ok ? "Connection works: every check passed." : "Connection failed: see the checks below."}
          </p>
          <ul className="space-y-0.5">
            {report.checks.map((check) => (
              <li key={check.name} className="flex gap-2">
                <span aria-hidden className={check.ok ? "text-emerald-600" : "text-red-600"}>
                  {check.ok ? "✓" : "✗"}
                </span>
                <span>
                  <span className="font-medium">{check.name}</span>
                  <span className="sr-only">{check.ok ? " passed" : " failed"}</span>:{" "}
                  <span className="text-slate-600">{check.detail}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
