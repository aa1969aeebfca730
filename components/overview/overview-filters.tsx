"use client";
// The Overview's search box and filters, kept in the URL: the list narrows as one types (after a short
// pause, or at once on Enter); an environment, an owner or "Only unhealthy" applies when chosen.
import { useEffect, useRef } from "react";
import { EnvironmentSelect } from "@/components/data/catalog-select";
import { useUrlFilters } from "@/components/data/use-url-filters";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/form";
import type { OverviewFilters as Filters } from "@/lib/query-keys";

const TYPING_PAUSE_MS = 300;

function readForm(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? "").trim() || undefined;
  return {
    q: value("q"),
    environment: value("environment"),
    owner: value("owner"),
    unhealthy: value("unhealthy") === "true" ? "true" : undefined,
  };
}

export function OverviewFilters({ filters, owners }: { filters: Filters; owners: string[] }) {
  const setFilters = useUrlFilters();
  const form = useRef<HTMLFormElement>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (typing.current && clearTimeout(typing.current)), []);
  const apply = () => {
    if (typing.current) clearTimeout(typing.current);
    if (form.current) setFilters(readForm(form.current));
  };
  const isFiltered = Boolean(filters.q || filters.environment || filters.owner || filters.unhealthy || filters.page);
  return (
    <form
      ref={form}
      role="search"
      aria-label="Find services"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
      onChange={(event) => {
        if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === "checkbox"))
          return apply();
        if (typing.current) clearTimeout(typing.current);
        typing.current = setTimeout(apply, TYPING_PAUSE_MS);
      }}
    >
      <Field id="overview-q" label="Search" className="w-64">
        <Input
          id="overview-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Service name or slug"
          autoComplete="off"
        />
      </Field>
      <EnvironmentSelect id="overview-environment" name="environment" defaultValue={filters.environment} className="w-52" />
      <Field id="overview-owner" label="Owner" className="w-52">
        <Select key={owners.length} id="overview-owner" name="owner" defaultValue={filters.owner ?? ""}>
          <option value="">Any owner</option>
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </Select>
      </Field>
      <label className="flex h-9 items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="unhealthy" value="true" className="size-4" defaultChecked={filters.unhealthy === "true"} />
        Only unhealthy
      </label>
      {isFiltered ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            for (const control of form.current?.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select") ?? [])
              if (control instanceof HTMLInputElement && control.type === "checkbox") control.checked = false;
              else control.value = "";
            apply();
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
