"use client";
// The Alerts page's filters (state, severity, service, environment), kept in the URL.
import { EnvironmentSelect, ServiceSelect } from "@/components/data/catalog-select";
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import { ALERT_SEVERITIES } from "@/lib/domain/alerts/alert-rule";
import type { AlertFilters as Filters } from "@/lib/query-keys";

export const STATE_LABELS = {
  unresolved: "Open or acknowledged",
  open: "Open",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
  all: "Any state",
};

export function AlertFilters({ filters }: { filters: Filters }) {
  const setFilters = useUrlFilters();
  return (
    <form
      key={JSON.stringify(filters)}
      role="search"
      aria-label="Filter alerts"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(formValues(event.currentTarget, ["state", "severity", "service", "environment"]));
      }}
    >
      <Field id="alerts-state" label="State" className="w-56">
        <Select id="alerts-state" name="state" defaultValue={filters.state ?? "unresolved"}>
          {Object.entries(STATE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="alerts-severity" label="Severity" className="w-40">
        <Select id="alerts-severity" name="severity" defaultValue={filters.severity ?? ""}>
          <option value="">Any severity</option>
          {ALERT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
      <ServiceSelect id="alerts-service" name="service" defaultValue={filters.service} className="w-48" />
      <EnvironmentSelect id="alerts-environment" name="environment" defaultValue={filters.environment} className="w-52" />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </form>
  );
}
