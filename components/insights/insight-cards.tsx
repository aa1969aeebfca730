// The four delivery figures, each saying what it rests on and linking to the deployments it counts.
import Link from "next/link";
import type { ReactNode } from "react";
import type { InsightFigures } from "@/lib/services/insights/get-insights";
import { formatDuration, formatPerDay, formatPercent } from "./format-duration";

function Card({ title, value, isEmpty, children }: { title: string; value: string; isEmpty: boolean; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h2>
      <p
        data-testid="insight-value"
        className={isEmpty ? "mt-1 text-2xl font-semibold text-slate-400" : "mt-1 text-2xl font-semibold text-slate-900"}
      >
        {value}
      </p>
      <div className="mt-1 space-y-0.5 text-sm text-slate-600">{children}</div>
    </section>
  );
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const linkClass = "text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-400";

export function InsightCards({ figures }: { figures: InsightFigures }) {
  const { deploymentFrequency: frequency, leadTime, changeFailureRate: cfr, timeToRestore: ttr, links } = figures;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      <Card title="Deployment frequency" value={formatPerDay(frequency.perDay)} isEmpty={false}>
        <p>
          <Link href={links.deployments} className={linkClass}>
            {plural(frequency.count, "successful deploy")}
          </Link>{" "}
          in the range
        </p>
      </Card>
      <Card title="Lead time for changes" value={formatDuration(leadTime.medianSeconds)} isEmpty={leadTime.medianSeconds === null}>
        <p>
          Median commit → success over{" "}
          <Link href={links.lead_time} className={linkClass}>
            {plural(leadTime.count, "deploy")}
          </Link>
        </p>
        {leadTime.withoutCommitTime > 0 ? (
          <p className="text-slate-500">{plural(leadTime.withoutCommitTime, "deploy")} without a commit time (send committedAt from CI)</p>
        ) : null}
      </Card>
      <Card title="Change failure rate" value={formatPercent(cfr.rate)} isEmpty={cfr.rate === null}>
        <p>
          <Link href={links.change_failures} className={linkClass}>
            {plural(cfr.failures, "failed deploy")}
          </Link>{" "}
          of{" "}
          <Link href={links.changes} className={linkClass}>
            {cfr.total}
          </Link>
        </p>
        {cfr.notCounted.aborted + cfr.notCounted.neverStarted > 0 ? (
          <p className="text-slate-500">
            Not counted: {plural(cfr.notCounted.aborted, "abort")} by a person, {cfr.notCounted.neverStarted} never started
          </p>
        ) : null}
      </Card>
      <Card title="Time to restore" value={formatDuration(ttr.medianSeconds)} isEmpty={ttr.medianSeconds === null}>
        <p>
          Median failure → healthy over{" "}
          <Link href={links.restored} className={linkClass}>
            {plural(ttr.restored, "restored failure")}
          </Link>
        </p>
        {ttr.notRestored > 0 ? (
          <p className="font-medium text-red-700">
            <Link href={links.not_restored} className="hover:underline">
              {plural(ttr.notRestored, "failure")} not restored yet
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
