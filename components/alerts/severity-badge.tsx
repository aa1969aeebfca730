// An alert's severity as a badge, with the documents' meaning as its title.
import { Badge } from "@/components/ui/badge";
import { type AlertSeverity, SEVERITY_MEANING } from "@/lib/domain/alerts/alert-rule";

const TONE = { P1: "danger", P2: "warn", P3: "info", P4: "neutral" } as const;

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge tone={TONE[severity]} title={SEVERITY_MEANING[severity]} className="font-semibold">
      {severity}
    </Badge>
  );
}
