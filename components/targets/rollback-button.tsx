"use client";
// One-click rollback: a confirmation with an optional reason and the revision to return to (by default the
// previous good one), then the new rollback deployment's page. The server checks the permission and refuses
// a second rollback; its message is shown in the dialog.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/form";
import type { RevisionHistoryEntry } from "@/lib/services/rollout/get-target-history";
import { useRollback } from "./use-target-status";

type Props = { targetId: string; label: string; revisions: RevisionHistoryEntry[] | undefined; size?: "sm" | "md" };

function uniqueRevisions(revisions: RevisionHistoryEntry[] | undefined): RevisionHistoryEntry[] {
  const seen = new Set<string>();
  return (revisions ?? []).filter((r) => !seen.has(r.revision) && seen.add(r.revision));
}

export function RollbackButton({ targetId, label, revisions, size = "md" }: Props) {
  const router = useRouter();
  const rollback = useRollback(targetId);
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [toRevision, setToRevision] = useState("");
  const close = () => (setOpen(false), rollback.reset());
  const confirm = () =>
    rollback.mutate(
      { reason: reason.trim() || undefined, toRevision: toRevision || undefined },
      { onSuccess: ({ deploymentId }) => (setOpen(false), router.push(`/deployments/${deploymentId}`)) },
    );
  return (
    <>
      <Button variant="danger" size={size} onClick={() => setOpen(true)}>
        Rollback
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={`Roll back ${label}?`}
        confirmLabel="Roll back"
        pending={rollback.isPending}
        error={errorMessage(rollback.error)}
        onConfirm={confirm}
        onCancel={close}
      >
        <div className="space-y-3">
          <p>
            All traffic moves to the chosen revision now. A rollout running on this target is aborted. Windows and approvals do not hold a
            rollback.
          </p>
          <Field id="rollback-revision" label="Revision">
            <Select id="rollback-revision" value={toRevision} onChange={(e) => setToRevision(e.target.value)}>
              <option value="">Previous good revision</option>
              {uniqueRevisions(revisions).map((r) => (
                <option key={r.revision} value={r.revision} disabled={r.isCurrent}>
                  {r.version} — {r.revision}
                  {r.isCurrent ? " (serving now)" : ""}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="rollback-reason" label="Reason (optional)">
            <Input
              id="rollback-reason"
              value={reason}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. error rate"
            />
          </Field>
        </div>
      </ConfirmDialog>
    </>
  );
}
