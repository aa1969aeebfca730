"use client";
// The users table: change a role, disable or enable an account, end a user's sessions. Disabling and ending
// sessions ask for confirmation first.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Th } from "@/components/ui/table";
import { CreateUserForm } from "./create-user-form";
import { UserRow, type UserAction } from "./user-row";
import { useEndSessions, useUpdateUser, useUsers } from "./use-users";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const disable = useUpdateUser();
  const endSessions = useEndSessions();
  const [action, setAction] = useState<UserAction | null>(null);
  const close = () => {
    setAction(null);
    disable.reset();
    endSessions.reset();
  };
  const target = action?.user;

  return (
    <div className="space-y-4">
      <CreateUserForm />
      {users.isPending ? (
        <TableSkeleton columns={8} label="Loading users" />
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
              <Th>Sessions</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onAction={setAction} />
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={action?.kind === "disable"}
        title={`Disable ${target?.email ?? ""}?`}
        confirmLabel="Yes, disable"
        pending={disable.isPending}
        error={errorMessage(disable.error)}
        onCancel={close}
        onConfirm={() => target && disable.mutate({ id: target.id, email: target.email, disabled: true }, { onSuccess: close })}
      >
        They are signed out at once and cannot sign in until an admin enables them again. Their API tokens stop working too.
      </ConfirmDialog>
      <ConfirmDialog
        open={action?.kind === "end_sessions"}
        title={`End all sessions of ${target?.email ?? ""}?`}
        confirmLabel="Yes, end sessions"
        pending={endSessions.isPending}
        error={errorMessage(endSessions.error)}
        onCancel={close}
        onConfirm={() => target && endSessions.mutate({ id: target.id, email: target.email }, { onSuccess: close })}
      >
        Every browser they are signed in on is signed out on its next request; they can sign in again. Their API tokens are not affected:
        revoke those under Tokens.
      </ConfirmDialog>
    </div>
  );
}
