"use client";
// The Analysis section of a service's page: the stored analysis (defaults filled in by the server) handed to
// the editor. A stored value that no longer parses is said so, and the editor starts from the defaults.
import type { ServiceSummary } from "@/lib/services/list-services";
import { DEFAULT_ANALYSIS_CONFIG } from "@/lib/domain/analysis/analysis-config";
import { SettingsSection } from "../settings-section";
import { AnalysisEditor } from "./analysis-editor";

export function AnalysisSection({ service }: { service: ServiceSummary }) {
  const stored = service.analysis;
  const analysis = stored
    ? (({ enabled, ...config }) => ({ enabled, config }))(stored)
    : { enabled: false, config: DEFAULT_ANALYSIS_CONFIG };
  return (
    <SettingsSection
      title="Analysis"
      description="Automated canary analysis: the metrics judged while a canary step pauses, and when a breach rolls back."
    >
      {stored ? null : (
        <p role="status" className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          The stored analysis could not be read, so none runs for this service. The form shows the defaults; saving replaces it.
        </p>
      )}
      <AnalysisEditor key={service.id} serviceId={service.id} analysis={analysis} />
    </SettingsSection>
  );
}
