"use client";
// Creates a user with an initial password; the server checks the same rules and names any field it refuses.
import { useRef } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/form";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/users";
import { useCreateUser } from "./use-users";

export function CreateUserForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateUser();
  return (
    <section aria-labelledby="create-user-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="create-user-title" className="mb-3 text-sm font-semibold text-slate-900">
        Add a user
      </h2>
      <form
        ref={formRef}
        className="grid grid-cols-1 items-start gap-3 md:grid-cols-5"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          create.mutate(
            {
              email: String(data.get("email") ?? "").trim(),
              name: String(data.get("name") ?? "").trim(),
              role: String(data.get("role")) as Role,
              password: String(data.get("password") ?? ""),
            },
            { onSuccess: () => formRef.current?.reset() },
          );
        }}
      >
        <Field id="new-user-email" label="Email">
          <Input id="new-user-email" name="email" type="email" required autoComplete="off" />
        </Field>
        <Field id="new-user-name" label="Name">
          <Input id="new-user-name" name="name" required autoComplete="off" />
        </Field>
        <Field id="new-user-role" label="Role">
          <Select id="new-user-role" name="role" defaultValue="viewer">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="new-user-password" label="Initial password" hint={`At least ${MIN_PASSWORD_LENGTH} characters. Share it privately.`}>
          <Input
            id="new-user-password"
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
          />
        </Field>
        <div className="flex flex-col gap-1">
          <span aria-hidden className="text-xs">
            &nbsp;
          </span>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </div>
      </form>
      <div className="mt-3 empty:hidden">
        <FormError message={errorMessage(create.error)} />
        {create.isSuccess ? (
          <p role="status" className="text-sm text-emerald-700">
            Created {create.data.email} ({ROLE_LABELS[create.data.role]}).
          </p>
        ) : null}
      </div>
    </section>
  );
}
