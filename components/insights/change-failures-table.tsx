// Every change failure of the range: the deploy that failed, why it counts, when it failed and what restored it.
import Link from "next/link";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FailureCause } from "@/lib/domain/insights/insight-types";
import type { InsightFigures } from "@/lib/services/insights/get-insights";
import { formatDuration } from "./format-duration";

const CAUSES: Record<FailureCause, string> = {
  reverted: "Reverted by the rollout (smoke tests, analysis or checks)",
  failed: "Failed, nothing to take back to",
  rollback_preempted: "Rolled back while it ran",
  rolled_back_after_success: "Rolled back after it succeeded",
};

export function ChangeFailuresTable({ failures }: { failures: InsightFigures["timeToRestore"]["failures"] }) {
  return (
    <Table label="Change failures">
      <thead>
        <tr>
          <Th>Deployment</Th>
          <Th>Why it counts</Th>
          <Th>Failed</Th>
          <Th>Healthy again</Th>
          <Th>Time to restore</Th>
        </tr>
      </thead>
      <tbody>
        {failures.map((f) => (
          <Tr key={f.deploymentId}>
            <Td>
              <Link href={`/deployments/${f.deploymentId}`} className="font-mono text-xs text-sky-700 hover:underline">
                {f.deploymentId}
              </Link>
            </Td>
            <Td>{CAUSES[f.cause]}</Td>
            <Td>
              <Time value={f.failedAt} />
            </Td>
            <Td>
              {f.restoredAt ? (
                <>
                  <Time value={f.restoredAt} />{" "}
                  {f.restoredById && f.restoredById !== f.deploymentId ? (
                    <Link href={`/deployments/${f.restoredById}`} className="text-xs text-sky-700 hover:underline">
                      by this deployment
                    </Link>
                  ) : null}
                </>
              ) : (
                <span className="font-medium text-red-700">Not restored yet</span>
              )}
            </Td>
            <Td className="tabular-nums">{f.restoreSeconds === null ? "—" : formatDuration(f.restoreSeconds)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
