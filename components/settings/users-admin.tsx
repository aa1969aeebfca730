"use client";
// The users table: change a role, disable or enable an account. Disabling asks for confirmation first.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, Select } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/services/list-users";
import { CreateUserForm } from "./create-user-form";
import { useUpdateUser, useUsers } from "./use-users";

function UserRow({ user, isSelf, onDisable }: { user: UserView; isSelf: boolean; onDisable: (user: UserView) => void }) {
  const update = useUpdateUser();
  const pendingRole = update.isPending ? update.variables.role : undefined;
  return (
    <Tr data-testid={`user-row-${user.email}`}>
      <Td>
        <span className="font-medium">{user.email}</span>
        {isSelf ? <Badge className="ml-1.5">you</Badge> : null}
      </Td>
      <Td>{user.name}</Td>
      <Td>
        <Select
          aria-label={`Role for ${user.email}`}
          className="h-8 w-44"
          value={pendingRole ?? user.role}
          disabled={update.isPending}
          onChange={(event) => update.mutate({ id: user.id, email: user.email, role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </Select>
        {update.error ? <FormError message={`Could not change ${user.email}: ${errorMessage(update.error)}`} /> : null}
      </Td>
      <Td>{user.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="ok">Active</Badge>}</Td>
      <Td className="text-xs text-slate-600">{user.signInMethods.join(", ") || "—"}</Td>
      <Td>
        <Time value={user.lastLoginAt} fallback="Never" />
      </Td>
      <Td className="text-right">
        {user.disabled ? (
          <Button
            size="sm"
            variant="secondary"
            aria-label={`Enable ${user.email}`}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, email: user.email, disabled: false })}
          >
            Enable
          </Button>
        ) : (
          <Button size="sm" variant="secondary" aria-label={`Disable ${user.email}`} onClick={() => onDisable(user)}>
            Disable
          </Button>
        )}
      </Td>
    </Tr>
  );
}

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const disable = useUpdateUser();
  const [toDisable, setToDisable] = useState<UserView | null>(null);
  const close = () => {
    setToDisable(null);
    disable.reset();
  };

  return (
    <div className="space-y-4">
      <CreateUserForm />
      {users.isPending ? (
        <TableSkeleton columns={6} label="Loading users" />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <Table label="Users">
          <thead>
            <tr>
              <Th>Email</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Sign-in</Th>
              <Th>Last sign-in</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onDisable={setToDisable} />
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={toDisable !== null}
        title={`Disable ${toDisable?.email ?? ""}?`}
        confirmLabel="Yes, disable"
        pending={disable.isPending}
        error={errorMessage(disable.error)}
        onCancel={close}
        onConfirm={() => toDisable && disable.mutate({ id: toDisable.id, email: toDisable.email, disabled: true }, { onSuccess: close })}
      >
        They are signed out at once and cannot sign in until an admin enables them again. Their API tokens stop working too.
      </ConfirmDialog>
    </div>
  );
}
