import type { Metadata } from "next";
import { OverviewMatrix } from "@/components/overview/overview-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireSignedIn("/overview");
  return (
    <>
      <PageHeader
        title="Overview"
        description="What runs where: the current version of each service in each environment, and its latest deployment."
      />
      <OverviewMatrix />
    </>
  );
}
