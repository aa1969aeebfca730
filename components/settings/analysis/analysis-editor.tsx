"use client";
// A service's automated analysis, edited field by field: the switch, the interval and limits, the triggers
// (add, remove, edit), and "Reset to the documents' defaults" (confirmed; nothing is stored until Save).
// Save sends the whole configuration as PATCH /services/{id} {analysis}; the server's 422 is shown beside
// each field it names.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, SaveRow } from "@/components/ui/form";
import type { AnalysisConfig } from "@/lib/domain/analysis/analysis-config";
import { fieldErrors } from "../field-errors";
import { useUpdateService } from "../use-service-admin";
import { AnalysisLimitsFields } from "./analysis-limits-fields";
import { newDraftTrigger, resetToDefaults, toAnalysisDraft, toAnalysisInput, type AnalysisDraft } from "./analysis-draft";
import { TriggerEditor } from "./trigger-editor";

type Props = { serviceId: string; analysis: { enabled: boolean; config: AnalysisConfig } };

export function AnalysisEditor({ serviceId, analysis }: Props) {
  const update = useUpdateService(serviceId);
  const [draft, setDraft] = useState<AnalysisDraft>(() => toAnalysisDraft(analysis));
  const [isConfirmingReset, setConfirmingReset] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const errors = fieldErrors(update.error, ["analysis"]);
  const change = (next: AnalysisDraft) => {
    setDraft(next);
    setSaved(false);
  };
  const setTriggers = (triggers: AnalysisDraft["triggers"]) => change({ ...draft, triggers });
  const triggerPaths = draft.triggers.map((_, i) => `analysis.triggers.${i}`);
  const listError = errors.of("analysis.triggers", triggerPaths);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ analysis: toAnalysisInput(draft) }, { onSuccess: () => setSaved(true) });
      }}
    >
      <div>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
          <input
            type="checkbox"
            role="switch"
            className="size-4"
            checked={draft.enabled}
            aria-describedby="analysis-enabled-hint"
            onChange={(e) => change({ ...draft, enabled: e.target.checked })}
          />
          Analysis enabled
        </label>
        <p id="analysis-enabled-hint" className="mt-1 text-xs text-slate-500">
          On: each timed canary pause is measured against the triggers below every interval, and a breach rolls the release back. Off: a
          pause just waits its time.
        </p>
        {errors.of("analysis.enabled") ? <p className="text-xs font-medium text-red-700">{errors.of("analysis.enabled")}</p> : null}
      </div>
      <AnalysisLimitsFields draft={draft} onChange={change} errorOf={(field) => errors.of(`analysis.${field}`)} />
      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Triggers</h3>
        {draft.triggers.length === 0 ? <p className="text-sm text-slate-500">No triggers: nothing is judged.</p> : null}
        <ol className="space-y-3" aria-label="Analysis triggers">
          {draft.triggers.map((trigger, i) => (
            <TriggerEditor
              key={trigger.key}
              trigger={trigger}
              index={i}
              onChange={(next) => setTriggers(draft.triggers.map((t, j) => (j === i ? next : t)))}
              onRemove={() => setTriggers(draft.triggers.filter((_, j) => j !== i))}
              errorOf={(field) => errors.of(`analysis.triggers.${i}.${field}`)}
            />
          ))}
        </ol>
        {listError ? <p className="text-xs font-medium text-red-700">{listError}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setTriggers([...draft.triggers, newDraftTrigger(draft.triggers.map((t) => t.name))])}>
            Add trigger
          </Button>
          <Button variant="secondary" onClick={() => setConfirmingReset(true)}>
            Reset to the documents&apos; defaults
          </Button>
        </div>
      </div>
      <SaveRow pending={update.isPending} saved={isSaved} label="Save analysis" />
      <FormError message={errors.summary} />
      <ConfirmDialog
        open={isConfirmingReset}
        title="Reset the analysis to the documents' defaults?"
        confirmLabel="Reset"
        onConfirm={() => {
          change(resetToDefaults(draft));
          setConfirmingReset(false);
        }}
        onCancel={() => setConfirmingReset(false)}
      >
        The interval, limits and triggers below are replaced by the documents&apos; (error rate, p99, health checks, memory, and two dry
        runs). The switch stays as it is, and nothing is stored until you save.
      </ConfirmDialog>
    </form>
  );
}
