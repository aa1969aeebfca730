"use client";
// The provider's credentials (a kubeconfig, a service-account key) in the target form: write-only. The
// server never sends them back, so the field starts empty and says whether some are stored; left empty,
// an edit keeps them; "Remove" clears them on save.
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, fieldErrorId } from "@/components/ui/form";
import type { FieldErrors } from "./field-errors";

/** What the form sends for `credentials`: text to store, null to remove, or nothing to keep what is stored. */
export function readCredentials(data: FormData): string | null | undefined {
  if (data.get("removeCredentials") === "on") return null;
  const text = String(data.get("credentials") ?? "").trim();
  return text === "" ? undefined : text;
}

export function CredentialsField({
  label,
  hint,
  hasCredentials,
  errors,
}: {
  label: string;
  hint: string;
  hasCredentials: boolean;
  errors: FieldErrors;
}) {
  const error = errors.of("credentials");
  const stored = hasCredentials ? " Stored credentials are kept when this is left empty; they are never shown again." : "";
  return (
    <Field id="target-credentials" label={label} error={error} hint={`${hint}${stored}`}>
      <textarea
        id="target-credentials"
        name="credentials"
        rows={5}
        spellCheck={false}
        autoComplete="off"
        placeholder={hasCredentials ? "•••••• stored — paste new ones to replace them" : ""}
        className={`${textareaClassName} font-mono text-xs`}
        {...(error ? { "aria-invalid": true, "aria-describedby": fieldErrorId("target-credentials") } : {})}
      />
      {hasCredentials ? (
        <label className="mt-1 flex items-center gap-2 text-xs text-slate-700">
          <input type="checkbox" name="removeCredentials" className="size-4" /> Remove the stored credentials on save
        </label>
      ) : null}
    </Field>
  );
}
