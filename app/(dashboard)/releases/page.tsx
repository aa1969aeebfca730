import type { Metadata } from "next";
import { ReleasesList } from "@/components/releases/releases-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";
import { first, pageNumber } from "@/components/data/search-params";

export const metadata: Metadata = { title: "Releases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReleasesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireSignedIn("/releases", params);
  const filters = { service: first(params.service), q: first(params.q), page: pageNumber(params.page) };
  return (
    <>
      <PageHeader title="Releases" description="Every recorded release, newest first. Creating, approving and deploying releases come next." />
      <ReleasesList filters={filters} />
    </>
  );
}
