"use client";
// The Smoke suite section of a service's page: the stored suite (loading, error) handed to the editor, and
// the secrets its headers can reference.
import { SmokeRunHistory } from "@/components/smoke/smoke-run-history";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { SettingsSection } from "../settings-section";
import { ServiceSecretsPanel } from "./service-secrets-panel";
import { SmokeSuiteEditor } from "./smoke-suite-editor";
import { useSmokeSuite } from "./use-smoke-suite";

export function SmokeSuiteSection({ serviceId }: { serviceId: string }) {
  const suite = useSmokeSuite(serviceId);
  return (
    <>
      <SettingsSection
        title="Smoke suite"
        description="Checks run against each new revision before it gets traffic, after a rollback, and on Re-run."
      >
        {suite.isPending ? <TableSkeleton columns={2} rows={3} label="Loading the smoke suite" /> : null}
        {suite.isError ? <QueryError error={suite.error} onRetry={() => suite.refetch()} /> : null}
        {suite.isSuccess ? <SmokeSuiteEditor key={serviceId} serviceId={serviceId} suite={suite.data} /> : null}
      </SettingsSection>
      <SettingsSection title="Smoke runs" description="Every run of the suite for this service, newest first.">
        <SmokeRunHistory serviceId={serviceId} />
      </SettingsSection>
      <SettingsSection title="Secrets" description="Named values a check's header can reference; write-only.">
        <ServiceSecretsPanel serviceId={serviceId} />
      </SettingsSection>
    </>
  );
}
