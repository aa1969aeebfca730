// The four figures per service × environment, each cell linking to the deployments it counts.
import Link from "next/link";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { InsightsView } from "@/lib/services/insights/get-insights";
import { formatDuration, formatPercent } from "./format-duration";

const linkClass = "tabular-nums text-sky-700 hover:underline";

export function InsightRows({ rows }: { rows: InsightsView["rows"] }) {
  return (
    <Table label="Delivery per service and environment">
      <thead>
        <tr>
          <Th>Service</Th>
          <Th>Environment</Th>
          <Th>Deploys</Th>
          <Th>Lead time (median)</Th>
          <Th>Change failure rate</Th>
          <Th>Time to restore (median)</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ service, environment, figures }) => (
          <Tr key={`${service.slug}:${environment.slug}`}>
            <Td className="font-medium">{service.name}</Td>
            <Td>{environment.name}</Td>
            <Td>
              <Link href={figures.links.deployments} className={linkClass}>
                {figures.deploymentFrequency.count}
              </Link>
            </Td>
            <Td>
              <Link href={figures.links.lead_time} className={linkClass}>
                {formatDuration(figures.leadTime.medianSeconds)}
              </Link>
            </Td>
            <Td>
              <Link href={figures.links.change_failures} className={linkClass}>
                {formatPercent(figures.changeFailureRate.rate)}
              </Link>{" "}
              <span className="text-xs text-slate-500">
                ({figures.changeFailureRate.failures} of {figures.changeFailureRate.total})
              </span>
            </Td>
            <Td>
              <Link href={figures.links.restored} className={linkClass}>
                {formatDuration(figures.timeToRestore.medianSeconds)}
              </Link>
              {figures.timeToRestore.notRestored > 0 ? (
                <span className="ml-1.5 text-xs font-medium text-red-700">{figures.timeToRestore.notRestored} not restored</span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
