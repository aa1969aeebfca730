import type { Metadata } from "next";
import { NewReleaseButton } from "@/components/releases/new-release-button";
import { ReleasesList } from "@/components/releases/releases-list";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";
import { first, pageNumber } from "@/components/data/search-params";

export const metadata: Metadata = { title: "Releases" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReleasesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const principal = await requireSignedIn("/releases", params);
  const filters = { service: first(params.service), q: first(params.q), page: pageNumber(params.page) };
  return (
    <>
      <PageHeader
        title="Releases"
        description="Every recorded release, newest first. Open one to approve it and deploy it, environment by environment."
        actions={can(principal.role, "release.create") ? <NewReleaseButton /> : null}
      />
      <ReleasesList filters={filters} />
    </>
  );
}
