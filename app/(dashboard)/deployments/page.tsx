import type { Metadata } from "next";
import { DeploymentsList } from "@/components/deployments/deployments-list";
import { NewDeploymentButton } from "@/components/deployments/new-deployment-button";
import { first, pageNumber } from "@/components/data/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Deployments" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DeploymentsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const principal = await requireSignedIn("/deployments", params);
  const filters = {
    state: first(params.state),
    service: first(params.service),
    environment: first(params.environment),
    kind: first(params.kind),
    ids: first(params.ids),
    insight: first(params.insight),
    from: first(params.from),
    to: first(params.to),
    page: pageNumber(params.page),
  };
  return (
    <>
      <PageHeader
        title="Deployments"
        description="Deployments and rollbacks across every environment, newest first."
        actions={can(principal.role, "deploy.nonproduction") ? <NewDeploymentButton /> : undefined}
      />
      <DeploymentsList filters={filters} />
    </>
  );
}
