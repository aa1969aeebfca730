import type { Metadata } from "next";
import { AlertsList } from "@/components/alerts/alerts-list";
import { first, pageNumber } from "@/components/data/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Alerts" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AlertsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const principal = await requireSignedIn("/alerts", params);
  const filters = {
    state: first(params.state),
    severity: first(params.severity),
    service: first(params.service),
    environment: first(params.environment),
    page: pageNumber(params.page),
  };
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Threshold rules evaluated by the workers on every serving target (error rate > 1 % → P1, p95 > 2 s → P2, memory > 90 % → P2, CPU > 85 % → P3) and alerts from the operator's Alertmanager. An open P1 blocks deploys to its target."
      />
      <AlertsList filters={filters} canAcknowledge={can(principal.role, "alert.acknowledge")} />
    </>
  );
}
