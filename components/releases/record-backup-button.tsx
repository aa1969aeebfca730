"use client";
// Records the backup a target requires before a deploy (a readiness check), with a note of what was saved.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormActions, FormError, Input } from "@/components/ui/form";
import { queryKeys } from "@/lib/query-keys";

export function RecordBackupButton({ targetId, releaseId }: { targetId: string; releaseId: string }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const record = useMutation({
    mutationFn: (note: string) => apiFetch(`/api/v1/targets/${targetId}/backups`, { method: "POST", json: { releaseId, note } }),
    onSuccess: () => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: queryKeys.releases.detail(releaseId) });
    },
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Record backup
      </Button>
      <Dialog open={open} title="Record the pre-deploy backup" onClose={() => setOpen(false)}>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            record.mutate(String(new FormData(event.currentTarget).get("note") ?? ""));
          }}
        >
          <Field id={`backup-note-${targetId}`} label="What was backed up, and where">
            <Input
              id={`backup-note-${targetId}`}
              name="note"
              required
              minLength={3}
              placeholder="pg_dump of sessions to s3://backups/2026-11-22"
            />
          </Field>
          <FormError message={record.isError ? errorMessage(record.error) : null} />
          <FormActions onCancel={() => setOpen(false)} pending={record.isPending} submitLabel="Record backup" pendingLabel="Recording…" />
        </form>
      </Dialog>
    </>
  );
}
