"use client";
// A service's secrets, by name: Set a new one, Replace or Delete (confirmed) an existing one. Values are
// write-only: typed once into a password field, sent, and never shown again — the API cannot return them.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormActions, FormError, Input } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Th } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { fieldErrors } from "../field-errors";
import { useDeleteServiceSecret, useServiceSecrets, useSetServiceSecret } from "./use-smoke-suite";

export function ServiceSecretsPanel({ serviceId }: { serviceId: string }) {
  const secrets = useServiceSecrets(serviceId);
  const set = useSetServiceSecret(serviceId);
  const remove = useDeleteServiceSecret(serviceId);
  const [editing, setEditing] = useState<{ name: string; isNew: boolean } | null>(null);
  const [toDelete, setToDelete] = useState<string | null>(null);
  if (secrets.isPending) return <TableSkeleton columns={3} rows={1} label="Loading secrets" />;
  if (secrets.isError) return <QueryError error={secrets.error} onRetry={() => secrets.refetch()} />;
  const close = () => {
    setEditing(null);
    set.reset();
  };
  const errors = fieldErrors(set.error, ["value"]);
  const nameError = (set.error as { fields?: { path: string; message: string }[] } | null)?.fields?.find(
    (f) => f.path === "params.name",
  )?.message;
  return (
    <div className="space-y-2">
      {secrets.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">No secrets. A header of a check can reference one by name instead of holding a token.</p>
      ) : (
        <Table label="Secrets">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Last set</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {secrets.data.items.map((secret) => (
              <tr key={secret.name}>
                <td className="px-3 py-2 font-mono text-sm">{secret.name}</td>
                <td className="px-3 py-2 text-sm">
                  <Time value={secret.updatedAt} />
                </td>
                <td className="px-3 py-2 text-right">
                  <Button variant="secondary" size="sm" onClick={() => setEditing({ name: secret.name, isNew: false })}>
                    Replace<span className="sr-only"> {secret.name}</span>
                  </Button>{" "}
                  <Button variant="danger" size="sm" onClick={() => setToDelete(secret.name)}>
                    Delete<span className="sr-only"> {secret.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Button variant="secondary" onClick={() => setEditing({ name: "", isNew: true })}>
        Set a secret
      </Button>
      <Dialog
        open={editing !== null}
        title={editing?.isNew ? "Set a secret" : `Replace ${editing?.name}`}
        onClose={close}
        className="max-w-md"
      >
        <form
          noValidate
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const name = editing?.isNew ? String(data.get("name") ?? "").trim() : (editing?.name ?? "");
            set.mutate({ name, value: String(data.get("value") ?? "") }, { onSuccess: close });
          }}
        >
          {editing?.isNew ? (
            <Field id="secret-name" label="Name" error={nameError} hint="Capitals, digits and _ (e.g. API_TOKEN).">
              <Input id="secret-name" name="name" autoComplete="off" className="font-mono" />
            </Field>
          ) : null}
          <Field id="secret-value" label="Value" error={errors.of("value")} hint="Never shown again, nor returned by the API.">
            <Input id="secret-value" name="value" type="password" autoComplete="new-password" />
          </Field>
          <FormError message={nameError ? null : errors.summary} />
          <FormActions onCancel={close} pending={set.isPending} submitLabel="Save secret" pendingLabel="Saving…" />
        </form>
      </Dialog>
      <ConfirmDialog
        open={toDelete !== null}
        title={`Delete ${toDelete}?`}
        confirmLabel="Delete secret"
        pending={remove.isPending}
        error={errorMessage(remove.error)}
        onConfirm={() => toDelete && remove.mutate(toDelete, { onSuccess: () => setToDelete(null) })}
        onCancel={() => {
          setToDelete(null);
          remove.reset();
        }}
      >
        Checks whose headers reference it fail until it is set again.
      </ConfirmDialog>
    </div>
  );
}
