"use client";
// A service's page in Settings › Services: its details, its targets per environment, its analysis, its SLO
// objectives and alert rules, its smoke suite and secrets, and archive / unarchive. Each part is a SettingsSection.
import { ApiError } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Time } from "@/components/ui/time";
import { AnalysisSection } from "./analysis/analysis-section";
import { ArchiveServiceButton } from "./archive-service-button";
import { ObjectivesSection } from "./objectives/objectives-section";
import { ServiceDetailsForm } from "./service-details-form";
import { ServiceTargets } from "./service-targets";
import { SettingsSection } from "./settings-section";
import { SmokeSuiteSection } from "./smoke-suite/smoke-suite-section";
import { useService } from "./use-service-admin";

export function ServiceAdmin({ id }: { id: string }) {
  const query = useService(id);
  if (query.isPending) return <TableSkeleton columns={2} rows={4} label="Loading the service" />;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return <EmptyState title="No such service">It may have been mistyped; the list in Settings › Services has every service.</EmptyState>;
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const service = query.data;
  return (
    <div className="space-y-4">
      <PageHeader
        title={service.name}
        description={
          <>
            <span className="font-mono">{service.slug}</span>
            {service.archivedAt ? (
              <Badge className="ml-2">
                archived <Time value={service.archivedAt} />
              </Badge>
            ) : null}
          </>
        }
        actions={<ArchiveServiceButton service={service} />}
      />
      {service.archivedAt ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This service is archived: it is hidden from the Overview and new releases and deploys of it are refused. Its history is kept.
        </p>
      ) : null}
      <SettingsSection title="Details">
        <ServiceDetailsForm key={service.id} service={service} />
      </SettingsSection>
      <SettingsSection
        title="Targets"
        description="Where the service deploys, one target per environment: the provider that runs it and how a rollout proceeds."
      >
        <ServiceTargets service={service} />
      </SettingsSection>
      <AnalysisSection service={service} />
      <ObjectivesSection service={service} />
      <SmokeSuiteSection serviceId={service.id} />
    </div>
  );
}
