"use client";
// How often the analysis measures, how long it watches after full traffic, how many bad measurements it
// takes to act, and what a window with too little traffic gets — each with the one line that says what it does.
import { Field, Input, Select } from "@/components/ui/form";
import type { LowTrafficPolicy } from "@/lib/domain/analysis/analysis-config";
import type { AnalysisDraft, LimitField } from "./analysis-draft";
import { controlProps } from "../control-props";

const LIMITS: Record<LimitField, { label: string; hint: string }> = {
  intervalSeconds: { label: "Interval (seconds)", hint: "How often each trigger is measured during a canary pause (1–3600)." },
  watchPeriodSeconds: {
    label: "Watch period (seconds)",
    hint: "After full traffic, how long analysis keeps judging while the previous revision still runs (0: no watch).",
  },
  failureLimit: { label: "Failure limit", hint: "Breaches tolerated before a rollback; 0 rolls back on the first." },
  consecutiveErrorLimit: { label: "Consecutive error limit", hint: "Failed queries in a row tolerated before pausing for a person." },
  inconclusiveLimit: { label: "Inconclusive limit", hint: "Measurements without a verdict tolerated before pausing for a person." },
  minSampleRequests: {
    label: "Minimum requests per window",
    hint: "Fewer requests than this and traffic metrics are not judged, so one unlucky request never rolls back.",
  },
};

type Props = {
  draft: AnalysisDraft;
  onChange: (next: AnalysisDraft) => void;
  errorOf: (field: string) => string | undefined;
};

export function AnalysisLimitsFields({ draft, onChange, errorOf }: Props) {
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
      {(Object.keys(LIMITS) as LimitField[]).map((field) => (
        <Field key={field} id={`analysis-${field}`} label={LIMITS[field].label} error={errorOf(field)} hint={LIMITS[field].hint}>
          <Input
            {...controlProps(`analysis-${field}`, errorOf(field))}
            type="number"
            min={0}
            value={draft.limits[field]}
            onChange={(e) => onChange({ ...draft, limits: { ...draft.limits, [field]: e.target.value } })}
          />
        </Field>
      ))}
      <Field
        id="analysis-lowTrafficPolicy"
        label="When a step ends with too little traffic"
        error={errorOf("lowTrafficPolicy")}
        hint="Pause: a person decides. Pass: the step goes on, and the timeline says it was not judged."
      >
        <Select
          {...controlProps("analysis-lowTrafficPolicy", errorOf("lowTrafficPolicy"))}
          value={draft.lowTrafficPolicy}
          onChange={(e) => onChange({ ...draft, lowTrafficPolicy: e.target.value as LowTrafficPolicy })}
        >
          <option value="pause">Pause for a person</option>
          <option value="pass">Pass</option>
        </Select>
      </Field>
    </div>
  );
}
