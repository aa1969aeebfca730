"use client";
// One smoke run: what triggered it, against what, its outcome, and a row per check — pass / fail / skipped,
// duration, and for the detail the HTTP status, the failed assertion and an excerpt of the body.
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { SmokeRunView } from "@/lib/services/smoke/smoke-run-view";

const TRIGGERS: Record<string, string> = {
  pre_traffic: "Before traffic",
  post_rollback: "After rollback",
  post_deploy: "Post-deploy health",
  manual: "Re-run",
};
const TONES = { passed: "ok", failed: "danger", error: "danger", running: "info", skipped: "neutral" } as const;

export function SmokeStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{status === "running" ? "running…" : status}</Badge>;
}

export function SmokeRunCard({ run }: { run: SmokeRunView }) {
  const error = run.summary && "error" in run.summary ? run.summary.error : null;
  const stopped = run.summary && "stoppedEarly" in run.summary ? run.summary.stoppedEarly : null;
  return (
    <article aria-label={`Smoke run ${TRIGGERS[run.trigger] ?? run.trigger}`} className="rounded-md border border-slate-200 p-3">
      <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{TRIGGERS[run.trigger] ?? run.trigger}</span>
        <SmokeStatusBadge status={run.status} />
        <span className="text-slate-500">
          {run.revision ? <span className="font-mono">{run.revision}</span> : null} <Time value={run.startedAt} />
          {run.startedBy ? ` by ${run.startedBy.name}` : null}
        </span>
      </header>
      {error ? <p className="mb-2 text-sm text-red-800">The run could not complete: {error}</p> : null}
      {stopped ? <p className="mb-2 text-sm text-slate-600">Stopped early: {stopped}</p> : null}
      {run.results.length === 0 ? (
        <p className="text-sm text-slate-500">{run.status === "running" ? "Waiting for the first check…" : "No check results."}</p>
      ) : (
        <Table label="Check results">
          <thead>
            <tr>
              <Th>Check</Th>
              <Th>Result</Th>
              <Th>Duration</Th>
              <Th>Detail</Th>
            </tr>
          </thead>
          <tbody>
            {run.results.map((r) => (
              <tr key={r.position}>
                <Td>{r.name}</Td>
                <Td>
                  <SmokeStatusBadge status={r.status} />
                </Td>
                <Td className="tabular-nums">{r.durationMs} ms</Td>
                <Td className="max-w-md text-xs">
                  {r.detail.status !== null ? <span className="mr-2 font-mono">HTTP {r.detail.status}</span> : null}
                  {r.detail.failedAssertion ? (
                    <span className="text-red-800">{r.detail.failedAssertion}</span>
                  ) : (
                    <span>{r.detail.note}</span>
                  )}
                  {r.status === "failed" && r.detail.bodyExcerpt ? (
                    <pre className="mt-1 max-h-20 overflow-auto rounded bg-slate-50 p-1 whitespace-pre-wrap">{r.detail.bodyExcerpt}</pre>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </article>
  );
}
