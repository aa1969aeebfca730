import type { Metadata } from "next";
import { first, pageNumber } from "@/components/data/search-params";
import { OverviewMatrix } from "@/components/overview/overview-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireSignedIn("/overview", params);
  const filters = {
    q: first(params.q),
    environment: first(params.environment),
    owner: first(params.owner),
    unhealthy: first(params.unhealthy) === "true" ? ("true" as const) : undefined,
    page: pageNumber(params.page),
  };
  return (
    <>
      <PageHeader
        title="Overview"
        description="What runs where: the current version of each service in each environment, its latest deployment and its health."
      />
      <OverviewMatrix filters={filters} />
    </>
  );
}
