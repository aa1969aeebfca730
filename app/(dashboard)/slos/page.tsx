import type { Metadata } from "next";
import { SloTargets } from "@/components/slos/slo-targets";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "SLOs" };

export default async function SlosPage() {
  await requireSignedIn("/slos");
  return (
    <>
      <PageHeader title="SLOs" description="The service level objectives each service is held to." />
      <p data-testid="slo-metrics-note" className="mb-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        These are the configured targets. Live metrics and error budgets arrive with the metrics integration; until then no current values
        are shown rather than made-up ones.
      </p>
      <SloTargets />
    </>
  );
}
