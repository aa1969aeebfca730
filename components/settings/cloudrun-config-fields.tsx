"use client";
// The form of a Cloud Run target (lib/providers/provider-config.ts: cloudRunConfigSchema): the project,
// region and service, where the credentials come from — a service-account key pasted here (write-only:
// encrypted, never shown again) or the worker's Application Default Credentials — an optional API
// endpoint (a private one, or the test server) and the environment every revision gets.
import { useState } from "react";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, fieldErrorId, Input } from "@/components/ui/form";
import { CredentialsField } from "./credentials-field";
import { formatEnvLines, parseEnvLines } from "./env-lines";
import type { FieldErrors } from "./field-errors";

const SHOWN = ["project", "region", "service", "credentials", "apiEndpoint", "env"] as const;
type Source = "service-account-key" | "application-default";

/** The configuration the form describes, laid over the stored one. */
export function readCloudRunConfig(data: FormData, stored: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const env = parseEnvLines(text("cloudRunEnv"));
  return {
    ...stored,
    project: text("cloudRunProject"),
    region: text("cloudRunRegion"),
    service: text("cloudRunService"),
    credentials: text("cloudRunCredentials") || "service-account-key",
    apiEndpoint: text("cloudRunApiEndpoint") || undefined,
    env: Object.keys(env).length > 0 ? env : undefined,
  };
}

export function CloudRunConfigFields({
  stored,
  hasCredentials,
  errors,
}: {
  stored: Record<string, unknown>;
  hasCredentials: boolean;
  errors: FieldErrors;
}) {
  const [source, setSource] = useState<Source>((stored.credentials as Source) ?? "service-account-key");
  const error = (name: (typeof SHOWN)[number]) => errors.of(`providerConfig.${name}`);
  const control = (name: (typeof SHOWN)[number], field: string) => ({
    id: `target-cloudrun-${name}`,
    name: field,
    ...(error(name) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`target-cloudrun-${name}`) } : {}),
  });
  const env = (stored.env ?? {}) as Record<string, string>;
  const rest = errors.of(
    "providerConfig",
    SHOWN.map((name) => `providerConfig.${name}`),
  );
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-3">
      <legend className="px-1 text-xs font-semibold text-slate-700">Cloud Run</legend>
      <Field id="target-cloudrun-project" label="Project id" error={error("project")} hint="e.g. shop-prod (not the number).">
        <Input required defaultValue={(stored.project as string) ?? ""} {...control("project", "cloudRunProject")} />
      </Field>
      <Field id="target-cloudrun-region" label="Region" error={error("region")} hint="e.g. europe-west1.">
        <Input required defaultValue={(stored.region as string) ?? ""} {...control("region", "cloudRunRegion")} />
      </Field>
      <Field id="target-cloudrun-service" label="Service" error={error("service")} hint="The first deploy creates it.">
        <Input required defaultValue={(stored.service as string) ?? ""} {...control("service", "cloudRunService")} />
      </Field>
      <div role="radiogroup" aria-label="Credentials" className="flex flex-wrap gap-4 text-sm text-slate-700 md:col-span-3">
        {(["service-account-key", "application-default"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="cloudRunCredentials" value={value} checked={source === value} onChange={() => setSource(value)} />
            {value === "service-account-key" ? "Service-account key" : "The worker's Application Default Credentials"}
          </label>
        ))}
      </div>
      {source === "service-account-key" ? (
        <div className="md:col-span-3">
          <CredentialsField
            label="Service-account key (JSON)"
            hint="The key file as downloaded; it needs roles/run.developer. Stored encrypted; its token_uri is where the OAuth exchange goes."
            hasCredentials={hasCredentials}
            errors={errors}
          />
        </div>
      ) : null}
      <Field
        id="target-cloudrun-apiEndpoint"
        label="API endpoint (optional)"
        error={error("apiEndpoint")}
        hint="Only for a private endpoint or a test server; empty: https://run.googleapis.com."
        className="md:col-span-3"
      >
        <Input
          type="url"
          className="font-mono"
          defaultValue={(stored.apiEndpoint as string) ?? ""}
          {...control("apiEndpoint", "cloudRunApiEndpoint")}
        />
      </Field>
      <Field
        id="target-cloudrun-env"
        label="Environment variables (optional)"
        error={error("env")}
        hint="Every revision's; one NAME=value per line. A release's own env wins."
        className="md:col-span-3"
      >
        <textarea
          rows={2}
          className={`${textareaClassName} font-mono`}
          defaultValue={formatEnvLines(env)}
          {...control("env", "cloudRunEnv")}
        />
      </Field>
      {rest ? (
        <p id="target-providerConfig-error" className="text-xs font-medium text-red-700 md:col-span-3">
          {rest}
        </p>
      ) : null}
    </fieldset>
  );
}
