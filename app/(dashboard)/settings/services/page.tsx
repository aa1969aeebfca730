import type { Metadata } from "next";
import { ServicesAdmin } from "@/components/settings/services-admin";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  await requireSignedIn("/settings/services");
  return (
    <>
      <PageHeader title="Services" description="The services Flightdeck deploys, and their targets in each environment." />
      <ServicesAdmin />
    </>
  );
}
