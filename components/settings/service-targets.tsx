"use client";
// A service's targets, one row per environment: its provider, strategy, canary steps, pause and backup
// rule, with Edit and Archive / Unarchive; an environment without a target offers Add target.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { useEnvironments } from "@/components/data/use-catalog";
import { RunningLink } from "@/components/deployments/new-deployment-button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Th } from "@/components/ui/table";
import type { ServiceSummary } from "@/lib/services/list-services";
import type { TargetView } from "@/lib/services/catalog/target-view";
import { TargetForm } from "./target-form";
import { TargetRow } from "./target-row";
import { useServiceTargets, useSetTargetArchived } from "./use-target-admin";

type Environment = { slug: string; name: string };

export function ServiceTargets({ service }: { service: ServiceSummary }) {
  const environments = useEnvironments();
  const targets = useServiceTargets(service.slug);
  const [editing, setEditing] = useState<{ environment: Environment; target: TargetView | null } | null>(null);
  const [toChange, setToChange] = useState<TargetView | null>(null);
  const archive = useSetTargetArchived();
  const closeArchive = () => {
    setToChange(null);
    archive.reset();
  };
  if (environments.isPending || targets.isPending) return <TableSkeleton columns={7} rows={2} label="Loading targets" />;
  if (environments.isError) return <QueryError error={environments.error} onRetry={() => environments.refetch()} />;
  if (targets.isError) return <QueryError error={targets.error} onRetry={() => targets.refetch()} />;
  const isArchiving = toChange?.archivedAt === null;
  return (
    <>
      <Table label="Targets">
        <thead>
          <tr>
            <Th>Environment</Th>
            <Th>Provider</Th>
            <Th>Strategy</Th>
            <Th>Canary steps</Th>
            <Th>Pause</Th>
            <Th>Backup</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {environments.data.items.map((environment) => (
            <TargetRow
              key={environment.id}
              environment={environment}
              target={targets.data.items.find((t) => t.environment.slug === environment.slug) ?? null}
              isServiceArchived={service.archivedAt !== null}
              onEdit={(target) => setEditing({ environment, target })}
              onArchive={setToChange}
            />
          ))}
        </tbody>
      </Table>
      <Dialog
        open={editing !== null}
        title={editing ? `${editing.target ? "Edit" : "Add"} the ${editing.environment.name} target of ${service.name}` : ""}
        onClose={() => setEditing(null)}
        className="max-w-2xl"
      >
        {editing ? (
          <TargetForm serviceId={service.id} environment={editing.environment} target={editing.target} onDone={() => setEditing(null)} />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={toChange !== null}
        title={`${isArchiving ? "Archive" : "Unarchive"} the ${toChange?.environment.name ?? ""} target?`}
        confirmLabel={isArchiving ? "Yes, archive" : "Yes, unarchive"}
        pending={archive.isPending}
        error={errorMessage(archive.error)}
        onCancel={closeArchive}
        onConfirm={() => toChange && archive.mutate({ id: toChange.id, archived: isArchiving }, { onSuccess: closeArchive })}
      >
        <p>
          {isArchiving
            ? "New deploys to it are refused and it leaves the Overview. Its revisions, history and settings are kept, so unarchiving restores it as it was."
            : "It takes deploys again, with the settings it had."}
        </p>
        <RunningLink error={archive.error} />
      </ConfirmDialog>
    </>
  );
}
