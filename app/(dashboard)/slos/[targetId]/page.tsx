import type { Metadata } from "next";
import Link from "next/link";
import { TargetSloDashboard } from "@/components/slos/target-slo-dashboard";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "SLO dashboard" };

export default async function TargetSloPage({ params }: { params: Promise<{ targetId: string }> }) {
  const { targetId } = await params;
  await requireSignedIn(`/slos/${targetId}`);
  return (
    <>
      <PageHeader
        title="SLO dashboard"
        description="Availability, latency, errors and resources against their objectives; the error budget and how fast it burns."
        actions={
          <Link href="/slos" className="text-sm text-sky-700 hover:underline">
            All SLOs
          </Link>
        }
      />
      <TargetSloDashboard targetId={targetId} />
    </>
  );
}
