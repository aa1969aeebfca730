// Which Flightdeck target and severity an Alertmanager alert is about, from its labels alone.
//  - target: `flightdeck_target` (a target id), else `service` + `environment` (slugs; `flightdeck_service` /
//    `flightdeck_environment` take precedence where the operator's labels already use those names otherwise);
//  - severity: `severity` P1–P4, or the usual words (critical → P1, high/error → P2, warning → P3, info → P4);
//    an alert without one is P3, and says so.
import type { AlertSeverity } from "./alert-rule";

export type TargetReference = { kind: "id"; targetId: string } | { kind: "slugs"; service: string; environment: string };

export type MappedAlertmanagerAlert = {
  target: TargetReference | null;
  severity: AlertSeverity;
  /** How the severity was chosen, for the alert's labels and the receiver's answer. */
  severityFrom: string;
  name: string;
  summary: string | null;
  fingerprint: string;
};

const SEVERITY_WORDS: Record<string, AlertSeverity> = {
  p1: "P1",
  critical: "P1",
  page: "P1",
  p2: "P2",
  high: "P2",
  error: "P2",
  major: "P2",
  p3: "P3",
  warning: "P3",
  warn: "P3",
  medium: "P3",
  minor: "P3",
  p4: "P4",
  info: "P4",
  low: "P4",
  none: "P4",
};

function targetOf(labels: Record<string, string>): TargetReference | null {
  const id = labels.flightdeck_target?.trim();
  if (id) return { kind: "id", targetId: id };
  const service = (labels.flightdeck_service ?? labels.service)?.trim();
  const environment = (labels.flightdeck_environment ?? labels.environment)?.trim();
  return service && environment ? { kind: "slugs", service, environment } : null;
}

export function mapAlertmanagerAlert(alert: {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
}): MappedAlertmanagerAlert {
  const { labels, annotations, fingerprint } = alert;
  const word = labels.severity?.trim().toLowerCase();
  const mapped = word ? SEVERITY_WORDS[word] : undefined;
  const severity = mapped ?? "P3";
  const severityFrom = mapped
    ? `severity="${labels.severity}"`
    : word
      ? `unknown severity "${labels.severity}", taken as P3`
      : "no severity label, taken as P3";
  const summary = annotations.summary ?? annotations.description ?? annotations.message ?? null;
  return { target: targetOf(labels), severity, severityFrom, name: labels.alertname ?? "Alertmanager alert", summary, fingerprint };
}
