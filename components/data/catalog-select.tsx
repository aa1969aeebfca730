"use client";
// Service and environment pickers for filter forms, filled from the catalog API; the value is the slug.
import { Field, Select } from "@/components/ui/form";
import { useEnvironments, useServices } from "./use-catalog";

type Props = { id: string; name: string; defaultValue?: string; className?: string };

function CatalogSelect({
  id,
  name,
  label,
  anyLabel,
  defaultValue,
  className,
  options,
}: Props & { label: string; anyLabel: string; options?: { id: string; slug: string; name: string }[] }) {
  return (
    <Field id={id} label={label} className={className}>
      {/* Remounted once the options arrive: an uncontrolled select keeps the first option it had otherwise,
          and a filtered page would show "All …" over a filter that is in force. */}
      <Select key={options ? "loaded" : "loading"} id={id} name={name} defaultValue={defaultValue ?? ""}>
        <option value="">{anyLabel}</option>
        {options?.map((o) => (
          <option key={o.id} value={o.slug}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ServiceSelect(props: Props) {
  const services = useServices();
  return <CatalogSelect {...props} label="Service" anyLabel="All services" options={services.data?.items} />;
}

/** `anyLabel` names what no choice means where it is not "all environments" (Insights: every production one). */
export function EnvironmentSelect({ anyLabel = "All environments", ...props }: Props & { anyLabel?: string }) {
  const environments = useEnvironments();
  return <CatalogSelect {...props} label="Environment" anyLabel={anyLabel} options={environments.data?.items} />;
}
