"use client";
// A service's threshold alert rules, edited as one list and saved as PATCH /services/{id} {alertRules}: each
// rule's name (its alerts' fingerprint), metric, comparison, threshold in the metric's unit, severity, window,
// minimum requests and switch. Workers evaluate them every interval on each target's serving revision; the
// SLO's burn-rate alerts do not depend on them. Reset to the documents' four is confirmed; nothing is stored
// until Save.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input, SaveRow, Select } from "@/components/ui/form";
import { METRICS } from "@/lib/domain/analysis/metric-names";
import { ALERT_SEVERITIES, SEVERITY_MEANING } from "@/lib/domain/alerts/alert-rule";
import { controlProps } from "../control-props";
import { ComparisonField, MetricField } from "../rule-fields";
import { fieldErrors } from "../field-errors";
import { useUpdateService } from "../use-service-admin";
import { defaultRulesDraft, type DraftRule, newDraftRule, toRulesDraft, toRulesInput } from "./objectives-draft";

type RowProps = {
  rule: DraftRule;
  index: number;
  onChange: (next: DraftRule) => void;
  onRemove: () => void;
  errorOf: (field: string) => string | undefined;
};

function AlertRuleRow({ rule, index, onChange, onRemove, errorOf }: RowProps) {
  const id = (field: string) => `${rule.key}-${field}`;
  const set = (changes: Partial<DraftRule>) => onChange({ ...rule, ...changes });
  const text = (field: "name" | "threshold" | "windowSeconds" | "minSampleRequests", label: string, hint?: string) => (
    <Field id={id(field)} label={label} error={errorOf(field)} hint={hint}>
      <Input
        {...controlProps(id(field), errorOf(field))}
        type={field === "name" ? "text" : "number"}
        step={field === "threshold" ? "any" : undefined}
        value={rule[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </Field>
  );
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <fieldset className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <legend className="mb-1 text-sm font-medium text-slate-900">
          <span className="mr-2 text-slate-500">{index + 1}.</span>
          {rule.name || "Unnamed rule"}
        </legend>
        {text("name", "Name", "Unique; renaming a rule starts a new alert.")}
        <MetricField id={id("metric")} value={rule.metric} onChange={(metric) => set({ metric })} error={errorOf("metric")} />
        <ComparisonField
          id={id("comparison")}
          label="Fires when the value is"
          value={rule.comparison}
          onChange={(comparison) => set({ comparison })}
          error={errorOf("comparison")}
        />
        {text("threshold", `Threshold (${METRICS[rule.metric].unit})`)}
        <Field id={id("severity")} label="Severity" error={errorOf("severity")} hint={SEVERITY_MEANING[rule.severity]}>
          <Select
            {...controlProps(id("severity"), errorOf("severity"))}
            value={rule.severity}
            onChange={(e) => set({ severity: e.target.value as DraftRule["severity"] })}
          >
            {ALERT_SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </Select>
        </Field>
        {text("windowSeconds", "Window (seconds)", "10–86400: the span the value is computed over.")}
        {text("minSampleRequests", "Minimum requests", "Below it a traffic metric is not judged: the alert keeps its state.")}
        <div className="flex items-center gap-4 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
            Enabled
          </label>
          <Button
            variant="danger"
            size="sm"
            className="ml-auto"
            onClick={onRemove}
            aria-label={`Remove rule ${index + 1} (${rule.name || "unnamed"})`}
          >
            Remove
          </Button>
        </div>
      </fieldset>
    </li>
  );
}

export function AlertRulesEditor({ serviceId, alertRules }: { serviceId: string; alertRules: unknown[] }) {
  const update = useUpdateService(serviceId);
  const [rules, setRules] = useState<DraftRule[]>(() => toRulesDraft(alertRules));
  const [isConfirmingReset, setConfirmingReset] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const errors = fieldErrors(update.error, ["alertRules"]);
  const change = (next: DraftRule[]) => {
    setRules(next);
    setSaved(false);
  };
  const listError = errors.of(
    "alertRules",
    rules.map((_, i) => `alertRules.${i}`),
  );
  return (
    <form
      noValidate
      aria-label="Alert rules"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ alertRules: toRulesInput(rules) }, { onSuccess: () => setSaved(true) });
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">Alert rules</h3>
      {rules.length === 0 ? (
        <p role="status" className="text-sm text-slate-500">
          No rules: no threshold alert is raised for this service. The SLO&apos;s burn-rate alerts still are.
        </p>
      ) : null}
      <ol className="space-y-3" aria-label="Alert rules list">
        {rules.map((rule, i) => (
          <AlertRuleRow
            key={rule.key}
            rule={rule}
            index={i}
            onChange={(next) => change(rules.map((r, j) => (j === i ? next : r)))}
            onRemove={() => change(rules.filter((_, j) => j !== i))}
            errorOf={(field) => errors.of(`alertRules.${i}.${field}`)}
          />
        ))}
      </ol>
      {listError ? <p className="text-xs font-medium text-red-700">{listError}</p> : null}
      <div className="flex flex-wrap items-center gap-2">
        <SaveRow pending={update.isPending} saved={isSaved} label="Save alert rules" />
        <Button variant="secondary" onClick={() => change([...rules, newDraftRule(rules.map((r) => r.name))])}>
          Add rule
        </Button>
        <Button variant="secondary" onClick={() => setConfirmingReset(true)}>
          Reset to the documents&apos; rules
        </Button>
      </div>
      <FormError message={errors.summary} />
      <ConfirmDialog
        open={isConfirmingReset}
        title="Reset the alert rules to the documents' four?"
        confirmLabel="Reset"
        onConfirm={() => {
          change(defaultRulesDraft());
          setConfirmingReset(false);
        }}
        onCancel={() => setConfirmingReset(false)}
      >
        The rules below are replaced by the documents&apos; (error rate above 1 % → P1, p95 above 2 s → P2, memory above 90 % → P2, CPU
        above 85 % → P3). Nothing is stored until you save.
      </ConfirmDialog>
    </form>
  );
}
