// Who deploys what where: service, environment, release, strategy, state, and who started it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { StatusPill, stateLabel } from "@/components/ui/status-pill";
import { Time } from "@/components/ui/time";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import type { StreamStatus } from "./use-deployment-stream";

const STREAM_LABEL: Record<StreamStatus, string | null> = {
  idle: null,
  connecting: "connecting…",
  live: "live",
  reconnecting: "reconnecting…",
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function DeploymentHeader({ deployment: d, stream }: { deployment: DeploymentDetail; stream: StreamStatus }) {
  const isRollback = d.kind === "rollback";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold tracking-tight text-slate-900">
          {isRollback ? "Rollback of " : ""}
          {d.target.service.name} <span className="font-mono">{d.release.version}</span> to {d.target.environment.name}
        </h1>
        <span data-testid="deployment-state">
          <StatusPill state={d.state} />
        </span>
        {isRollback ? <Badge tone="warn">rollback</Badge> : null}
        {d.target.environment.isProduction ? <Badge tone="danger">prod</Badge> : null}
        {STREAM_LABEL[stream] ? (
          <span className="text-xs text-slate-500" role="status">
            <span
              aria-hidden
              className={`mr-1 inline-block size-1.5 rounded-full ${stream === "live" ? "bg-emerald-500" : "bg-amber-500"}`}
            />
            {STREAM_LABEL[stream]}
          </span>
        ) : null}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="Service">
          <Link href={`/targets/${d.target.id}`} className="text-sky-700 hover:underline">
            {d.target.service.name} · {d.target.environment.name}
          </Link>
        </Fact>
        <Fact label="Strategy">{stateLabel(d.strategy)}</Fact>
        <Fact label="Started by">{d.startedBy?.name ?? "system"}</Fact>
        <Fact label="Created">
          <Time value={d.createdAt} />
        </Fact>
        <Fact label="Finished">
          <Time value={d.finishedAt} />
        </Fact>
      </dl>
      {d.reason ? <p className="text-sm text-slate-700">Reason: {d.reason}</p> : null}
      {d.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {d.error}
        </p>
      ) : null}
      {d.state === "paused" ? (
        <p className="text-sm text-amber-800">
          {d.pausedReason === "promote"
            ? "Waiting for someone to promote or resume the canary."
            : "Paused by a person; resume to continue."}
        </p>
      ) : null}
    </div>
  );
}
