"use client";
// One environment's row of a service's targets: the target's settings and its actions, or Add target.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Td, Tr } from "@/components/ui/table";
import type { TargetView } from "@/lib/services/catalog/target-view";
import { STRATEGY_LABELS } from "./strategy-labels";

type Props = {
  environment: { slug: string; name: string; isProduction: boolean };
  target: TargetView | null;
  isServiceArchived: boolean;
  onEdit: (target: TargetView | null) => void;
  onArchive: (target: TargetView) => void;
};

function describeProvider(target: TargetView): string {
  const config = target.providerConfig;
  if (target.providerType === "cloudrun") return `${String(config.project)} / ${String(config.region)} / ${String(config.service)}`;
  if (target.providerType === "kubernetes")
    return [
      `${String(config.namespace ?? "?")}/${String(config.deployment ?? "?")}`,
      config.httpRoute ? `route ${String(config.httpRoute)}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
  const command = config.command;
  return Array.isArray(command) ? command.join(" ") : "";
}

export function TargetRow({ environment, target, isServiceArchived, onEdit, onArchive }: Props) {
  const name = (
    <>
      <span className="font-medium">{environment.name}</span>
      {environment.isProduction ? (
        <Badge tone="info" className="ml-1.5">
          production
        </Badge>
      ) : null}
    </>
  );
  if (!target) {
    return (
      <Tr data-testid={`target-row-${environment.slug}`}>
        <Td>{name}</Td>
        <Td colSpan={5} className="text-slate-500">
          No target: this service cannot be deployed to {environment.name}.
        </Td>
        <Td className="text-right">
          {isServiceArchived ? null : (
            <Button size="sm" variant="secondary" aria-label={`Add a ${environment.name} target`} onClick={() => onEdit(null)}>
              Add target
            </Button>
          )}
        </Td>
      </Tr>
    );
  }
  const isArchived = target.archivedAt !== null;
  return (
    <Tr data-testid={`target-row-${environment.slug}`} className={isArchived ? "text-slate-500" : undefined}>
      <Td>
        <Link href={`/targets/${target.id}`} className="text-sky-700 hover:underline">
          {name}
        </Link>
        {isArchived ? <Badge className="ml-1.5">archived</Badge> : null}
      </Td>
      <Td>
        <span className="font-medium">{target.providerType}</span>
        <span className="block max-w-72 truncate font-mono text-xs text-slate-500" title={describeProvider(target)}>
          {describeProvider(target)}
        </span>
      </Td>
      <Td>{STRATEGY_LABELS[target.defaultStrategy]}</Td>
      <Td className="font-mono text-xs">{target.canarySteps.join(" → ")}</Td>
      <Td>{target.stepPauseSeconds === null ? "manual promote" : `${target.stepPauseSeconds} s`}</Td>
      <Td>{target.requiresBackup ? "required" : "—"}</Td>
      <Td className="space-x-1.5 text-right whitespace-nowrap">
        <Button size="sm" variant="secondary" aria-label={`Edit the ${environment.name} target`} onClick={() => onEdit(target)}>
          Edit
        </Button>
        <Button
          size="sm"
          variant="secondary"
          aria-label={`${isArchived ? "Unarchive" : "Archive"} the ${environment.name} target`}
          onClick={() => onArchive(target)}
        >
          {isArchived ? "Unarchive" : "Archive"}
        </Button>
      </Td>
    </Tr>
  );
}
