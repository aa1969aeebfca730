// The readiness checks of one environment with the score and the points each check earned (a warning earns
// part of its weight), and what deploying there changes against the release running there now.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { shortDigest } from "@/components/ui/format";
import type { ReleaseChanges } from "@/lib/services/release-detail/describe-changes";
import type { ReleaseEnvironmentView } from "@/lib/services/release-detail/describe-release-environment";

const STATUS = {
  passed: { mark: "✓", label: "passed", className: "text-emerald-700" },
  warned: { mark: "!", label: "warning", className: "text-amber-700" },
  failed: { mark: "✗", label: "failed", className: "text-red-700" },
} as const;

export function ReadinessPanel({ readiness }: { readiness: ReleaseEnvironmentView["readiness"] }) {
  return (
    <div>
      <h3 className="mb-1 flex items-center gap-2 text-sm font-semibold text-slate-800">
        Readiness
        <Badge tone={readiness.ready ? "ok" : "warn"} data-testid="readiness-score">
          {readiness.score}/100
        </Badge>
      </h3>
      <p className="text-sm text-slate-600">{readiness.reason}</p>
      <ul aria-label="Readiness checks" className="mt-2 space-y-1 text-sm">
        {readiness.checks.map((c) => {
          const status = STATUS[c.status];
          return (
            <li key={c.id} className="flex gap-2">
              <span aria-hidden className={cn("w-4 shrink-0 text-center font-semibold", status.className)}>
                {status.mark}
              </span>
              <span>
                <span className="font-medium">{c.label}</span> <span className="sr-only">{status.label}</span>
                <span className="text-xs text-slate-500" data-testid={`readiness-points-${c.id}`}>
                  {c.earned}/{c.weight} points
                </span>
                <span className="block text-xs text-slate-600">{c.detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ChangesPanel({ changes, version }: { changes: ReleaseChanges; version: string }) {
  const { current } = changes;
  return (
    <div data-testid="changes">
      <h3 className="mb-1 text-sm font-semibold text-slate-800">What changes</h3>
      {!current ? (
        <p className="text-sm text-slate-600">Nothing runs here yet: this would be the first release.</p>
      ) : changes.direction === "same" ? (
        <p className="text-sm text-slate-600">This release runs here now.</p>
      ) : (
        <div className="space-y-1.5 text-sm">
          <p>
            <span className="font-mono">{current.version}</span> → <span className="font-mono font-semibold">{version}</span>
            {changes.direction === "older" ? (
              <Badge tone="warn" className="ml-2">
                older than what runs
              </Badge>
            ) : null}
          </p>
          <p className="text-xs text-slate-600">
            Commit <span className="font-mono">{changes.commit.from?.slice(0, 10) ?? "—"}</span> →{" "}
            <span className="font-mono">{changes.commit.to?.slice(0, 10) ?? "—"}</span>
            {changes.digestChanges ? ` · artifact ${shortDigest(current.digest)} changes` : " · same artifact"}
          </p>
          {current.notes ? <p className="text-xs text-slate-500">Running now: {current.notes}</p> : null}
          {changes.releasesBetween.length > 0 ? (
            <ul aria-label="Releases in between" className="space-y-0.5 border-l-2 border-slate-200 pl-2 text-xs">
              {changes.releasesBetween.map((r) => (
                <li key={`${r.version}-${r.createdAt}`}>
                  <span className="font-mono">{r.version}</span>
                  {r.notes ? <span className="text-slate-600"> — {r.notes}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </div>
  );
}
