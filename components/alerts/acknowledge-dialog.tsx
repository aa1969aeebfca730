"use client";
// Acknowledge an alert: say you are on it, with an optional note kept in the audit log. The alert stays
// unresolved (an open P1 still blocks deploys) until its rule or Alertmanager resolves it.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, errorMessage } from "@/components/data/api-fetch";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormActions, FormError } from "@/components/ui/form";
import { queryKeys } from "@/lib/query-keys";
import type { AlertView } from "@/lib/services/alerts/alert-view";

export function AcknowledgeDialog({ alert, onDone }: { alert: AlertView; onDone: () => void }) {
  const client = useQueryClient();
  const acknowledge = useMutation({
    mutationFn: (note: string) =>
      apiFetch<AlertView>(`/api/v1/alerts/${alert.id}/acknowledge`, { method: "POST", json: note ? { note } : {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.alerts.all });
      void client.invalidateQueries({ queryKey: queryKeys.overview });
      onDone();
    },
  });
  const where = `${alert.target.service.name} in ${alert.target.environment.name}`;
  return (
    <Dialog open title={`Acknowledge ${alert.severity}: ${alert.name}`} onClose={onDone}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          acknowledge.mutate(String(new FormData(event.currentTarget).get("note") ?? "").trim());
        }}
      >
        <p className="text-sm text-slate-600">
          On {where}. Acknowledging records that you are on it; the alert stays open until it resolves
          {alert.severity === "P1" ? ", and keeps blocking deploys to this target" : ""}.
        </p>
        <Field id="acknowledge-note" label="Note (optional)" hint="What you are doing about it; kept in the audit log.">
          <textarea id="acknowledge-note" name="note" rows={3} maxLength={1000} className={textareaClassName} />
        </Field>
        <FormError message={errorMessage(acknowledge.error)} />
        <FormActions onCancel={onDone} pending={acknowledge.isPending} submitLabel="Acknowledge" pendingLabel="Acknowledging…" />
      </form>
    </Dialog>
  );
}
