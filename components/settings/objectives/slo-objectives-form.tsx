"use client";
// A service's SLO objectives — availability, latency, error rate, memory and CPU — edited as one value and
// saved as PATCH /services/{id} {slos}. The SLO page, the error budget, the burn-rate alerts and the budget
// freeze all read them. "Use the documents' defaults" fills the form; nothing is stored until Save.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, SaveRow } from "@/components/ui/form";
import { controlProps } from "../control-props";
import { fieldErrors } from "../field-errors";
import { useUpdateService } from "../use-service-admin";
import {
  DEFAULT_OBJECTIVES_DRAFT,
  OBJECTIVE_FIELDS,
  OBJECTIVES,
  type ObjectivesDraft,
  toObjectivesDraft,
  toObjectivesInput,
} from "./objectives-draft";

export function SloObjectivesForm({ serviceId, slos }: { serviceId: string; slos: unknown }) {
  const update = useUpdateService(serviceId);
  const [draft, setDraft] = useState<ObjectivesDraft>(() => toObjectivesDraft(slos));
  const [isSaved, setSaved] = useState(false);
  const errors = fieldErrors(update.error, ["slos"]);
  const change = (next: ObjectivesDraft) => {
    setDraft(next);
    setSaved(false);
  };
  return (
    <form
      noValidate
      aria-label="SLO objectives"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ slos: toObjectivesInput(draft) }, { onSuccess: () => setSaved(true) });
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">Objectives</h3>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {OBJECTIVE_FIELDS.map((field) => {
          const id = `slo-${field}`;
          const error = errors.of(`slos.${field}`);
          return (
            <Field key={field} id={id} label={OBJECTIVES[field].label} error={error} hint={OBJECTIVES[field].hint}>
              <Input
                {...controlProps(id, error)}
                type="number"
                step="any"
                min={0}
                value={draft[field]}
                onChange={(e) => change({ ...draft, [field]: e.target.value })}
              />
            </Field>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <SaveRow pending={update.isPending} saved={isSaved} label="Save objectives" />
        <Button variant="secondary" onClick={() => change(DEFAULT_OBJECTIVES_DRAFT)}>
          Use the documents&apos; defaults
        </Button>
      </div>
      <FormError message={errors.summary} />
    </form>
  );
}
