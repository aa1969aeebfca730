"use client";
// The form of the local provider's configuration (lib/providers/provider-config.ts: localConfigSchema):
// the command each revision runs, the proxy's port, the service name and environment the process gets,
// and how many old revisions stay warm. Keys the form does not show (cwd) are kept as they were.
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, fieldErrorId, Input } from "@/components/ui/form";
import { formatEnvLines, parseEnvLines } from "./env-lines";
import type { FieldErrors } from "./field-errors";

const SHOWN = ["command", "port", "service", "env", "retainRevisions"] as const;

/** The configuration the form describes, laid over the stored one. */
export function readLocalConfig(data: FormData, stored: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const env = parseEnvLines(text("env"));
  return {
    ...stored,
    command: text("command").split(/\s+/).filter(Boolean),
    port: text("port") === "" ? 0 : Number(text("port")),
    service: text("service") || undefined,
    env: Object.keys(env).length > 0 ? env : undefined,
    retainRevisions: text("retainRevisions") === "" ? 2 : Number(text("retainRevisions")),
  };
}

export function LocalConfigFields({ stored, errors }: { stored: Record<string, unknown>; errors: FieldErrors }) {
  const error = (name: (typeof SHOWN)[number]) => errors.of(`providerConfig.${name}`);
  const control = (name: (typeof SHOWN)[number]) => ({
    id: `target-${name}`,
    name,
    ...(error(name) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`target-${name}`) } : {}),
  });
  const env = (stored.env ?? {}) as Record<string, string>;
  const rest = errors.of(
    "providerConfig",
    SHOWN.map((name) => `providerConfig.${name}`),
  );
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">Local provider</legend>
      <Field
        id="target-command"
        label="Command"
        error={error("command")}
        hint="Run for each revision; arguments separated by spaces."
        className="md:col-span-2"
      >
        <Input
          required
          className="font-mono"
          defaultValue={((stored.command as string[]) ?? []).join(" ")}
          placeholder="tsx workers/sample-service/server.ts"
          {...control("command")}
        />
      </Field>
      <Field id="target-port" label="Proxy port" error={error("port")} hint="0 picks a free port.">
        <Input type="number" min={0} max={65535} defaultValue={String(stored.port ?? 0)} {...control("port")} />
      </Field>
      <Field id="target-retainRevisions" label="Revisions kept warm" error={error("retainRevisions")} hint="For an instant rollback.">
        <Input type="number" min={0} max={20} defaultValue={String(stored.retainRevisions ?? 2)} {...control("retainRevisions")} />
      </Field>
      <Field id="target-service" label="Service name (optional)" error={error("service")} hint="Given to the process as SERVICE_NAME.">
        <Input defaultValue={(stored.service as string) ?? ""} {...control("service")} />
      </Field>
      <Field id="target-env" label="Environment variables (optional)" error={error("env")} hint="One NAME=value per line.">
        <textarea rows={2} className={`${textareaClassName} font-mono`} defaultValue={formatEnvLines(env)} {...control("env")} />
      </Field>
      {rest ? (
        <p id="target-providerConfig-error" className="text-xs font-medium text-red-700 md:col-span-2">
          {rest}
        </p>
      ) : null}
    </fieldset>
  );
}
