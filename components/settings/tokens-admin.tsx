"use client";
// The API tokens table. Revoking asks for confirmation; a revoked token stops working at once.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { ApiTokenView } from "@/lib/services/list-api-tokens";
import { CreateTokenForm } from "./create-token-form";
import { useRevokeToken, useTokens } from "./use-tokens";

function status(token: ApiTokenView) {
  if (token.revokedAt) return <Badge tone="danger">Revoked</Badge>;
  if (token.expiresAt && new Date(token.expiresAt) <= new Date()) return <Badge tone="warn">Expired</Badge>;
  return <Badge tone="ok">Active</Badge>;
}

function TokenRows({ items, onRevoke }: { items: ApiTokenView[]; onRevoke: (token: ApiTokenView) => void }) {
  return (
    <Table label="API tokens">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Prefix</Th>
          <Th>Role</Th>
          <Th>Owner</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Expires</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody>
        {items.map((token) => (
          <Tr key={token.id} data-testid={`token-row-${token.name}`}>
            <Td className="font-medium whitespace-nowrap">{token.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">{token.prefix}…</Td>
            <Td>{ROLE_LABELS[token.role]}</Td>
            <Td className="text-xs">{token.owner.email}</Td>
            <Td>
              <Time value={token.createdAt} />
            </Td>
            <Td>
              <Time value={token.lastUsedAt} fallback="Never" />
            </Td>
            <Td>
              <Time value={token.expiresAt} fallback="Never" />
            </Td>
            <Td>
              {status(token)}
              {token.revokedAt ? (
                <div className="mt-0.5 text-xs text-slate-500">
                  <Time value={token.revokedAt} />
                </div>
              ) : null}
            </Td>
            <Td className="text-right">
              {token.revokedAt ? null : (
                <Button size="sm" variant="secondary" aria-label={`Revoke ${token.name}`} onClick={() => onRevoke(token)}>
                  Revoke
                </Button>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function TokensAdmin({ creatorRole }: { creatorRole: Role }) {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [toRevoke, setToRevoke] = useState<ApiTokenView | null>(null);
  const close = () => {
    setToRevoke(null);
    revoke.reset();
  };

  return (
    <div className="space-y-4">
      <CreateTokenForm creatorRole={creatorRole} />
      {tokens.isPending ? (
        <TableSkeleton columns={7} label="Loading API tokens" />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title="No API tokens yet">Create one above for a CI pipeline or a script.</EmptyState>
      ) : (
        <TokenRows items={tokens.data.items} onRevoke={setToRevoke} />
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        title={`Revoke the token “${toRevoke?.name ?? ""}”?`}
        confirmLabel="Yes, revoke"
        pending={revoke.isPending}
        error={errorMessage(revoke.error)}
        onCancel={close}
        onConfirm={() => toRevoke && revoke.mutate(toRevoke.id, { onSuccess: close })}
      >
        Anything using it ({toRevoke?.prefix}…) gets 401 from its next call. This cannot be undone; create a new token instead.
      </ConfirmDialog>
    </div>
  );
}
