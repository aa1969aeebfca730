"use client";
// A service's details, editable in place: name, repository, owner, description. The slug is shown, not
// edited: pipelines and targets refer to the service by it. An emptied optional field is cleared.
import { useState } from "react";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Button } from "@/components/ui/button";
import { Field, fieldErrorId, FormError, Input, SaveRow } from "@/components/ui/form";
import type { ServiceSummary } from "@/lib/services/list-services";
import { fieldErrors } from "./field-errors";
import { useUpdateService } from "./use-service-admin";

const FIELDS = ["name", "repository", "owner", "description"] as const;

export function ServiceDetailsForm({ service }: { service: ServiceSummary }) {
  const update = useUpdateService(service.id);
  const [isSaved, setSaved] = useState(false);
  const errors = fieldErrors(update.error, [...FIELDS]);
  const control = (name: (typeof FIELDS)[number]) => ({
    id: `service-${name}`,
    name,
    defaultValue: service[name] ?? "",
    ...(errors.of(name) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`service-${name}`) } : {}),
  });
  return (
    <form
      className="grid grid-cols-1 gap-3 md:grid-cols-2"
      noValidate
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const value = (name: string) => String(data.get(name) ?? "").trim();
        update.mutate(
          { name: value("name"), repository: value("repository"), owner: value("owner"), description: value("description") },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <Field id="service-slug" label="Slug" hint="Fixed: release pipelines and targets refer to the service by it.">
        <Input id="service-slug" value={service.slug} readOnly className="bg-slate-50 font-mono" />
      </Field>
      <Field id="service-name" label="Name" error={errors.of("name")}>
        <Input required autoComplete="off" {...control("name")} />
      </Field>
      <Field id="service-repository" label="Repository" error={errors.of("repository")} hint="An https URL, or owner/name.">
        <Input autoComplete="off" {...control("repository")} />
      </Field>
      <Field id="service-owner" label="Owner" error={errors.of("owner")}>
        <Input autoComplete="off" {...control("owner")} />
      </Field>
      <Field id="service-description" label="Description" error={errors.of("description")} className="md:col-span-2">
        <textarea rows={2} className={textareaClassName} {...control("description")} />
      </Field>
      <SaveRow pending={update.isPending} saved={isSaved} label="Save details" className="md:col-span-2" />
      <div className="md:col-span-2 empty:hidden">
        <FormError message={errors.summary} />
      </div>
    </form>
  );
}
