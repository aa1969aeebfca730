import type { Metadata } from "next";
import { first } from "@/components/data/search-params";
import { InsightsView } from "@/components/insights/insights-view";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Insights" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireSignedIn("/insights", params);
  const filters = { service: first(params.service), environment: first(params.environment), range: first(params.range) };
  return (
    <>
      <PageHeader
        title="Insights"
        description="Delivery metrics (DORA): how often production changes, how long a commit takes to get there, how often a change fails, and how soon service is restored."
      />
      <InsightsView filters={filters} />
    </>
  );
}
