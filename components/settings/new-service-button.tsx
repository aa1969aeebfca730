"use client";
// Onboard a service: a dialog with its slug (fixed once created), name, repository, owner and description.
// The server validates; each message it returns shows beside its field. On success, the service's page opens.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldErrorId, FormActions, FormError, Input } from "@/components/ui/form";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { fieldErrors } from "./field-errors";
import { useCreateService } from "./use-service-admin";

const FIELDS = ["slug", "name", "repository", "owner", "description"];

function NewServiceForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const create = useCreateService();
  const errors = fieldErrors(create.error, FIELDS);
  const described = (name: string) =>
    errors.of(name) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`new-service-${name}`) } : {};
  const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input = {
          slug: text(data, "slug"),
          name: text(data, "name"),
          repository: text(data, "repository") || undefined,
          owner: text(data, "owner") || undefined,
          description: text(data, "description") || undefined,
        };
        create.mutate(input, { onSuccess: (service) => router.push(`/settings/services/${service.id}`) });
      }}
    >
      <Field
        id="new-service-slug"
        label="Slug"
        error={errors.of("slug")}
        hint="Lowercase letters, digits and dashes; CI names the service by it. It cannot be changed later."
      >
        <Input
          id="new-service-slug"
          name="slug"
          required
          autoComplete="off"
          className="font-mono"
          placeholder="billing-api"
          {...described("slug")}
        />
      </Field>
      <Field id="new-service-name" label="Name" error={errors.of("name")}>
        <Input id="new-service-name" name="name" required autoComplete="off" placeholder="Billing API" {...described("name")} />
      </Field>
      <Field id="new-service-repository" label="Repository (optional)" error={errors.of("repository")} hint="An https URL, or owner/name.">
        <Input id="new-service-repository" name="repository" autoComplete="off" {...described("repository")} />
      </Field>
      <Field id="new-service-owner" label="Owner (optional)" error={errors.of("owner")} hint="The team that answers for it.">
        <Input id="new-service-owner" name="owner" autoComplete="off" {...described("owner")} />
      </Field>
      <Field id="new-service-description" label="Description (optional)" error={errors.of("description")}>
        <textarea id="new-service-description" name="description" rows={2} className={textareaClassName} {...described("description")} />
      </Field>
      <FormError message={errors.summary} />
      <FormActions onCancel={onCancel} pending={create.isPending} submitLabel="Create service" pendingLabel="Creating…" />
    </form>
  );
}

export function NewServiceButton() {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New service</Button>
      <Dialog open={isOpen} title="New service" onClose={() => setOpen(false)}>
        <NewServiceForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
