"use client";
// The audit log's filters, submitted into the URL (a new filter starts again from the newest events).
import { formValues, useUrlFilters } from "@/components/data/use-url-filters";
import { Button, buttonClassName } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import Link from "next/link";
import type { AuditFilters as Filters } from "@/lib/query-keys";

const FIELDS = ["actor", "action", "subjectType", "subjectId", "from", "to"] as const;

export function AuditFilters({ filters }: { filters: Filters }) {
  const setFilters = useUrlFilters();
  return (
    <form
      key={JSON.stringify(filters)}
      role="search"
      aria-label="Filter audit events"
      className="grid grid-cols-2 items-end gap-3 md:grid-cols-4 xl:grid-cols-7"
      onSubmit={(event) => {
        event.preventDefault();
        setFilters(formValues(event.currentTarget, [...FIELDS]));
      }}
    >
      <Field id="audit-actor" label="Actor">
        <Input id="audit-actor" name="actor" placeholder="email or token:name" defaultValue={filters.actor ?? ""} />
      </Field>
      <Field id="audit-action" label="Action">
        <Input id="audit-action" name="action" placeholder="prefix, e.g. user." defaultValue={filters.action ?? ""} />
      </Field>
      <Field id="audit-subject-type" label="Subject type">
        <Input id="audit-subject-type" name="subjectType" placeholder="e.g. user" defaultValue={filters.subjectType ?? ""} />
      </Field>
      <Field id="audit-subject-id" label="Subject id">
        <Input id="audit-subject-id" name="subjectId" defaultValue={filters.subjectId ?? ""} />
      </Field>
      <Field id="audit-from" label="From">
        <Input id="audit-from" name="from" placeholder="2026-01-31T00:00Z" defaultValue={filters.from ?? ""} />
      </Field>
      <Field id="audit-to" label="To">
        <Input id="audit-to" name="to" placeholder="ISO date-time" defaultValue={filters.to ?? ""} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <Link href="/audit" className={buttonClassName("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
