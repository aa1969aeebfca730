import type { Metadata } from "next";
import { first, pageNumber } from "@/components/data/search-params";
import { SloList } from "@/components/slos/slo-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "SLOs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SlosPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireSignedIn("/slos", params);
  const filters = { service: first(params.service), environment: first(params.environment), page: pageNumber(params.page) };
  return (
    <>
      <PageHeader
        title="SLOs"
        description="Each service × environment against its objectives now, and its error budget over the rolling 30 days."
      />
      <SloList filters={filters} />
    </>
  );
}
