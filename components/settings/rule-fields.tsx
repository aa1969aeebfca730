"use client";
// The fields an analysis trigger and an alert rule share: the metric it reads (with its unit), and which side
// of the threshold is a breach.
import { Field, Select } from "@/components/ui/form";
import { METRIC_NAMES, METRICS, type MetricName } from "@/lib/domain/analysis/metric-names";
import { controlProps } from "./control-props";

type Props<T> = { id: string; value: T; onChange: (value: T) => void; error?: string };

export function MetricField({ id, value, onChange, error }: Props<MetricName>) {
  return (
    <Field id={id} label="Metric" error={error}>
      <Select {...controlProps(id, error)} value={value} onChange={(e) => onChange(e.target.value as MetricName)}>
        {METRIC_NAMES.map((metric) => (
          <option key={metric} value={metric}>
            {METRICS[metric].label} ({METRICS[metric].unit})
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ComparisonField({ id, label, value, onChange, error }: Props<">" | "<"> & { label: string }) {
  return (
    <Field id={id} label={label} error={error}>
      <Select {...controlProps(id, error)} value={value} onChange={(e) => onChange(e.target.value as ">" | "<")}>
        <option value=">">above (&gt;)</option>
        <option value="<">below (&lt;)</option>
      </Select>
    </Field>
  );
}
