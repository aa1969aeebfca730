"use client";
// One trigger of a service's analysis: its name, the metric it watches, and either a fixed threshold in that
// metric's unit or the largest increase over the stable revision; its window, and whether it acts (enabled)
// or only reports (dry run). Errors from the server appear beside the fields they name.
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";
import { METRICS } from "@/lib/domain/analysis/metric-names";
import type { DraftTrigger } from "./analysis-draft";
import { controlProps } from "../control-props";
import { ComparisonField, MetricField } from "../rule-fields";

type Props = {
  trigger: DraftTrigger;
  index: number;
  onChange: (next: DraftTrigger) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
};

export function TriggerEditor({ trigger, index, onChange, onRemove, errorOf }: Props) {
  const id = (field: string) => `${trigger.key}-${field}`;
  const set = (changes: Partial<DraftTrigger>) => onChange({ ...trigger, ...changes });
  const unit = METRICS[trigger.metric].unit;
  const label = `trigger ${index + 1} (${trigger.name || "unnamed"})`;
  const text = (field: "name" | "threshold" | "maxIncreasePercent" | "windowSeconds", title: string, hint?: string) => (
    <Field id={id(field)} label={title} error={errorOf(field)} hint={hint}>
      <Input
        {...controlProps(id(field), errorOf(field))}
        type={field === "name" ? "text" : "number"}
        value={trigger[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Field>
  );
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <fieldset className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <legend className="mb-1 flex w-full items-center justify-between gap-2 text-sm font-medium text-slate-900">
          <span>
            <span className="mr-2 text-slate-500">{index + 1}.</span>
            {trigger.name || "Unnamed trigger"}
          </span>
        </legend>
        {text("name", "Name", "Unique; measurements refer to it.")}
        <MetricField id={id("metric")} value={trigger.metric} onChange={(metric) => set({ metric })} error={errorOf("metric")} />
        <Field id={id("kind")} label="Kind" error={errorOf("kind")}>
          <Select
            {...controlProps(id("kind"), errorOf("kind"))}
            value={trigger.kind}
            onChange={(e) => set({ kind: e.target.value as DraftTrigger["kind"] })}
          >
            <option value="threshold">Against a threshold</option>
            <option value="baseline">Against the stable revision</option>
          </Select>
        </Field>
        {trigger.kind === "threshold" ? (
          <>
            <ComparisonField
              id={id("comparison")}
              label="Breach when the candidate is"
              value={trigger.comparison}
              onChange={(comparison) => set({ comparison })}
              error={errorOf("comparison")}
            />
            {text("threshold", `Threshold (${unit})`)}
          </>
        ) : (
          text(
            "maxIncreasePercent",
            "Max increase over stable (%)",
            "A breach when the candidate is more than this much above the stable revision, and by more than the metric's noise floor (5 ms of latency, half a point of error rate).",
          )
        )}
        {text("windowSeconds", "Window (seconds)", "10–3600: the span each measurement covers.")}
        <div className="flex flex-wrap items-center gap-4 text-sm text-slate-700 md:col-span-3">
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={trigger.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            Enabled
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={trigger.dryRun} onChange={(e) => set({ dryRun: e.target.checked })} />
            Dry run: judged and reported, never acted on
          </label>
          <Button variant="danger" size="sm" className="ml-auto" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        </div>
      </fieldset>
    </li>
  );
}
