import type { Metadata } from "next";
import { ServiceAdmin } from "@/components/settings/service-admin";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Service" };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSignedIn(`/settings/services/${encodeURIComponent(id)}`);
  return <ServiceAdmin id={id} />;
}
