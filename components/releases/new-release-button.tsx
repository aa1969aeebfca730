"use client";
// Record a release from the browser, as CI does through POST /api/v1/releases; then open its page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, errorMessage } from "@/components/data/api-fetch";
import { useServices } from "@/components/data/use-catalog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormActions, FormError, Input, Select } from "@/components/ui/form";
import { queryKeys } from "@/lib/query-keys";
import type { CreateReleaseInput } from "@/lib/schemas/releases";
import type { ReleaseSummary } from "@/lib/services/list-releases";
import { textareaClassName } from "./approvals-panel";

function NewReleaseForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const client = useQueryClient();
  const services = useServices();
  const create = useMutation({
    mutationFn: (input: CreateReleaseInput) => apiFetch<ReleaseSummary>("/api/v1/releases", { method: "POST", json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.releases.all }),
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fields : [];
  const fieldError = (name: string) => fieldErrors.find((f) => f.path === `body.${name}`)?.message;
  const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const input: CreateReleaseInput = {
          service: text(data, "service"),
          version: text(data, "version"),
          image: text(data, "image"),
          digest: text(data, "digest"),
          commit: text(data, "commit") || undefined,
          notes: text(data, "notes") || undefined,
          hotfix: data.get("hotfix") === "on",
        };
        create.mutate(input, { onSuccess: (release) => router.push(`/releases/${release.id}`) });
      }}
    >
      <Field id="new-release-service" label="Service" hint={fieldError("service")}>
        <Select id="new-release-service" name="service" required defaultValue="">
          <option value="" disabled>
            {services.isPending ? "Loading services…" : "Choose a service"}
          </option>
          {services.data?.items.map((s) => (
            <option key={s.id} value={s.slug}>
              {s.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-release-version" label="Version" hint={fieldError("version")}>
        <Input id="new-release-version" name="version" required placeholder="1.4.0" />
      </Field>
      <Field
        id="new-release-image"
        label="Image"
        hint={fieldError("image") ?? "Without the digest, e.g. registry.example.com/team/app:1.4.0"}
      >
        <Input id="new-release-image" name="image" required />
      </Field>
      <Field id="new-release-digest" label="Artifact digest" hint={fieldError("digest") ?? "sha256: followed by 64 hex characters"}>
        <Input id="new-release-digest" name="digest" required className="font-mono" />
      </Field>
      <Field id="new-release-commit" label="Commit" hint={fieldError("commit")}>
        <Input id="new-release-commit" name="commit" className="font-mono" />
      </Field>
      <Field id="new-release-notes" label="Notes" hint={fieldError("notes")}>
        <textarea id="new-release-notes" name="notes" rows={3} className={textareaClassName} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="hotfix" className="size-4" />
        Hotfix: may deploy outside the window and skip promotion; opens a post-hoc review
      </label>
      <FormError message={errorMessage(create.error) ?? errorMessage(services.error)} />
      <FormActions onCancel={onCancel} pending={create.isPending} submitLabel="Record release" pendingLabel="Recording…" />
    </form>
  );
}

export function NewReleaseButton() {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New release</Button>
      <Dialog open={isOpen} title="New release" onClose={() => setOpen(false)}>
        <NewReleaseForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
