"use client";
// Archive a service (or bring it back), after a confirmation that says what archiving does and keeps.
import { useState } from "react";
import { RunningLink } from "@/components/deployments/new-deployment-button";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ServiceSummary } from "@/lib/services/list-services";
import { useSetServiceArchived } from "./use-service-admin";

export function ArchiveServiceButton({ service }: { service: ServiceSummary }) {
  const [isOpen, setOpen] = useState(false);
  const change = useSetServiceArchived(service.id);
  const isArchived = service.archivedAt !== null;
  const close = () => {
    setOpen(false);
    change.reset();
  };
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {isArchived ? "Unarchive service" : "Archive service"}
      </Button>
      <ConfirmDialog
        open={isOpen}
        title={isArchived ? `Unarchive ${service.name}?` : `Archive ${service.name}?`}
        confirmLabel={isArchived ? "Yes, unarchive" : "Yes, archive"}
        pending={change.isPending}
        error={errorMessage(change.error)}
        onCancel={close}
        onConfirm={() => change.mutate(!isArchived, { onSuccess: close })}
      >
        {isArchived ? (
          <p>It comes back to the Overview and takes new releases and deploys again, with the targets it had.</p>
        ) : (
          <p>
            It leaves the Overview and the New release and New deployment choices, and new releases and deploys of it are refused. Its
            releases, deployments and audit trail are kept; you can unarchive it at any time.
          </p>
        )}
        <RunningLink error={change.error} />
      </ConfirmDialog>
    </>
  );
}
