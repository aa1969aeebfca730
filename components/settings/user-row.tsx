"use client";
// One user of the users table: role select, status, sign-in methods, live sessions, and the actions that
// ask for confirmation first (disable, end sessions) handed up to the table's dialogs.
import { errorMessage } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormError, Select } from "@/components/ui/form";
import { Td, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import type { UserListItem } from "@/lib/services/list-users";
import { useUpdateUser } from "./use-users";

export type UserAction = { kind: "disable" | "end_sessions"; user: UserListItem };

type Props = { user: UserListItem; isSelf: boolean; onAction: (action: UserAction) => void };

export function UserRow({ user, isSelf, onAction }: Props) {
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
      <Td className="tabular-nums" data-testid={`sessions-${user.email}`}>
        {user.activeSessions}
      </Td>
      <Td className="space-x-1.5 whitespace-nowrap text-right">
        <Button
          size="sm"
          variant="secondary"
          aria-label={`End sessions of ${user.email}`}
          disabled={user.activeSessions === 0}
          onClick={() => onAction({ kind: "end_sessions", user })}
        >
          End sessions
        </Button>
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
          <Button size="sm" variant="secondary" aria-label={`Disable ${user.email}`} onClick={() => onAction({ kind: "disable", user })}>
            Disable
          </Button>
        )}
      </Td>
    </Tr>
  );
}
