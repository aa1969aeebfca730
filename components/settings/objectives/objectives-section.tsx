"use client";
// The "SLOs and alerts" section of a service's page: its SLO objectives and its threshold alert rules, each
// saved on its own.
import type { ServiceSummary } from "@/lib/services/list-services";
import { SettingsSection } from "../settings-section";
import { AlertRulesEditor } from "./alert-rules-editor";
import { SloObjectivesForm } from "./slo-objectives-form";

export function ObjectivesSection({ service }: { service: ServiceSummary }) {
  return (
    <SettingsSection
      title="SLOs and alerts"
      description="The objectives the SLO page, the error budget and the budget freeze measure against, and the rules that raise alerts."
    >
      <div className="space-y-6">
        <SloObjectivesForm key={`slos-${service.id}`} serviceId={service.id} slos={service.slos} />
        <AlertRulesEditor key={`rules-${service.id}`} serviceId={service.id} alertRules={service.alertRules} />
      </div>
    </SettingsSection>
  );
}
