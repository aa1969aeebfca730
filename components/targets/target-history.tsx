// A target's revision history (what served it, newest first) and its recent deployments.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusPill, stateLabel } from "@/components/ui/status-pill";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { RevisionHistoryEntry, TargetDeployment } from "@/lib/services/rollout/get-target-history";

export function RevisionHistory({ revisions }: { revisions: RevisionHistoryEntry[] }) {
  if (revisions.length === 0) return <EmptyState title="No revision has served this target yet" />;
  return (
    <Table label="Revision history">
      <thead>
        <tr>
          <Th>Revision</Th>
          <Th>Release</Th>
          <Th>By</Th>
          <Th>Serving since</Th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((r) => (
          <Tr key={r.deploymentId}>
            <Td className="font-mono text-xs">
              {r.revision}
              {r.isCurrent ? (
                <Badge tone="ok" className="ml-1.5">
                  current
                </Badge>
              ) : null}
            </Td>
            <Td className="font-mono">{r.version}</Td>
            <Td>
              <Link href={`/deployments/${r.deploymentId}`} className="text-sky-700 hover:underline">
                {r.kind === "rollback" ? "rollback" : "deploy"}
              </Link>
            </Td>
            <Td>
              <Time value={r.finishedAt} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function RecentDeployments({ deployments }: { deployments: TargetDeployment[] }) {
  if (deployments.length === 0) return <EmptyState title="Never deployed" />;
  return (
    <Table label="Recent deployments">
      <thead>
        <tr>
          <Th>State</Th>
          <Th>Release</Th>
          <Th>Strategy</Th>
          <Th>Traffic</Th>
          <Th>Started by</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <tbody>
        {deployments.map((d) => (
          <Tr key={d.id}>
            <Td>
              <Link href={`/deployments/${d.id}`} aria-label={`Deployment of ${d.version}, ${stateLabel(d.state)}`}>
                <StatusPill state={d.state} />
              </Link>
            </Td>
            <Td>
              <Link href={`/deployments/${d.id}`} className="font-mono text-sky-700 hover:underline">
                {d.version}
              </Link>
              {d.kind === "rollback" ? (
                <Badge tone="warn" className="ml-1.5">
                  rollback
                </Badge>
              ) : null}
            </Td>
            <Td>{stateLabel(d.strategy)}</Td>
            <Td className="tabular-nums">{d.trafficPercent}%</Td>
            <Td>{d.startedBy ?? <span className="text-slate-400">system</span>}</Td>
            <Td>
              <Time value={d.createdAt} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
