import type { Metadata } from "next";
import { EnvironmentsAdmin } from "@/components/settings/environments-admin";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";
import { listFreezes } from "@/lib/services/list-freezes";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  await requireSignedIn("/settings/environments");
  const freezes = await listFreezes();
  return (
    <>
      <PageHeader
        title="Environments"
        description="Who approves a release for each environment, when deployments may run, and the freezes that stop them."
      />
      <EnvironmentsAdmin freezes={freezes} />
    </>
  );
}
