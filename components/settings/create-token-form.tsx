"use client";
// Creates an API token. Only roles within the creator's own are offered, and the server enforces the same.
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/form";
import { isRoleWithin, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { NewTokenBox } from "./new-token-box";
import { useCreateToken } from "./use-tokens";

export function CreateTokenForm({ creatorRole }: { creatorRole: Role }) {
  const create = useCreateToken();
  const roles = ROLES.filter((role) => isRoleWithin(role, creatorRole));
  return (
    <section aria-labelledby="create-token-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-token-title" className="text-sm font-semibold text-slate-900">
        Create a token
      </h2>
      <form
        className="grid grid-cols-1 items-start gap-3 md:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const days = String(data.get("expiresInDays") ?? "").trim();
          create.mutate(
            {
              name: String(data.get("name") ?? "").trim(),
              role: String(data.get("role")) as Role,
              expiresInDays: days ? Number(days) : undefined,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <Field id="new-token-name" label="Name" hint="What uses it, e.g. github-actions deploy.">
          <Input id="new-token-name" name="name" required maxLength={80} autoComplete="off" />
        </Field>
        <Field id="new-token-role" label="Role">
          <Select id="new-token-role" name="role" defaultValue="developer">
            {roles.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-token-expires" label="Expires in (days)" hint="Leave empty for a token that does not expire.">
          <Input id="new-token-expires" name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />
        </Field>
        <div className="flex flex-col gap-1">
          <span aria-hidden className="text-xs">
            &nbsp;
          </span>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
      <FormError message={errorMessage(create.error)} />
      {create.data ? <NewTokenBox name={create.data.name} token={create.data.token} onDone={() => create.reset()} /> : null}
    </section>
  );
}
