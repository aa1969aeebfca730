"use client";
// Add or edit a service's target in one environment: the provider and its configuration (a form per
// provider; only local is available until the other providers ship), the default strategy, the canary
// steps and their pause, whether a deploy needs a recorded backup, and where analysis reads its metrics.
// The server validates everything.
import { useRef, useState } from "react";
import { Field, fieldErrorId, FormActions, Input, FormError, Select } from "@/components/ui/form";
import { AVAILABLE_PROVIDER_TYPES } from "@/lib/providers/provider-config";
import { PROVIDER_TYPES, STRATEGIES } from "@/lib/schemas/targets";
import type { TargetView } from "@/lib/services/catalog/target-view";
import { CloudRunConfigFields, readCloudRunConfig } from "./cloudrun-config-fields";
import { readCredentials } from "./credentials-field";
import { fieldErrors } from "./field-errors";
import { KubernetesConfigFields, readKubernetesConfig } from "./kubernetes-config-fields";
import { LocalConfigFields, readLocalConfig } from "./local-config-fields";
import { MetricsSourceFields, readMetricsSource } from "./metrics-source-fields";
import { STRATEGY_LABELS } from "./strategy-labels";
import { TestConnectionPanel } from "./test-connection-panel";
import { useCreateTarget, useUpdateTarget, type TargetDraft } from "./use-target-admin";

const FIELDS = [
  "environment",
  "providerType",
  "providerConfig",
  "defaultStrategy",
  "canarySteps",
  "stepPauseSeconds",
  "requiresBackup",
  "metricsSource",
  "credentials",
];

type Props = { serviceId: string; environment: { slug: string; name: string }; target: TargetView | null; onDone: () => void };

const CONFIG_READERS: Record<string, (data: FormData, stored: Record<string, unknown>) => Record<string, unknown>> = {
  cloudrun: readCloudRunConfig,
  kubernetes: readKubernetesConfig,
};

function readDraft(data: FormData, { serviceId, environment, target }: Props): TargetDraft {
  const isManual = data.get("manualPromote") === "on";
  const providerType = target?.providerType ?? String(data.get("providerType"));
  return {
    serviceId,
    environment: environment.slug,
    providerType,
    providerConfig: (CONFIG_READERS[providerType] ?? readLocalConfig)(data, target?.providerConfig ?? {}),
    defaultStrategy: String(data.get("defaultStrategy")) as TargetDraft["defaultStrategy"],
    canarySteps: String(data.get("canarySteps") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
    stepPauseSeconds: isManual ? null : Number(data.get("stepPauseSeconds") || 0),
    requiresBackup: data.get("requiresBackup") === "on",
    metricsSource: readMetricsSource(data, target?.metricsSource ?? null),
    credentials: readCredentials(data),
  };
}

export function TargetForm(props: Props) {
  const { target, onDone } = props;
  const create = useCreateTarget();
  const update = useUpdateTarget(target?.id ?? "");
  const mutation = target ? update : create;
  const [isManual, setManual] = useState(target ? target.stepPauseSeconds === null : false);
  const [providerType, setProviderType] = useState<string>(target?.providerType ?? "local");
  const errors = fieldErrors(mutation.error, FIELDS);
  const formRef = useRef<HTMLFormElement>(null);
  const connectionDraft = () => {
    const { providerType, providerConfig, credentials } = readDraft(new FormData(formRef.current!), props);
    return { providerType, providerConfig, credentials: credentials ?? undefined, targetId: target?.id };
  };
  const describe = (name: string) => (errors.of(name) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`target-${name}`) } : {});
  return (
    <form
      ref={formRef}
      className="space-y-3"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const draft = readDraft(new FormData(event.currentTarget), props);
        if (!target) return create.mutate(draft, { onSuccess: onDone });
        const { serviceId: _s, environment: _e, providerType: _p, ...settings } = draft;
        update.mutate(settings, { onSuccess: onDone });
      }}
    >
      <Field
        id="target-providerType"
        label="Provider"
        error={errors.of("providerType")}
        hint="Local processes, a Kubernetes cluster or Cloud Run; it stays once the target exists."
      >
        <Select
          id="target-providerType"
          name="providerType"
          value={providerType}
          onChange={(event) => setProviderType(event.target.value)}
          disabled={target !== null}
          {...describe("providerType")}
        >
          {PROVIDER_TYPES.map((type) => (
            <option key={type} value={type} disabled={!AVAILABLE_PROVIDER_TYPES.includes(type)}>
              {type}
            </option>
          ))}
        </Select>
      </Field>
      {providerType === "cloudrun" ? (
        <CloudRunConfigFields stored={target?.providerConfig ?? {}} hasCredentials={target?.hasCredentials ?? false} errors={errors} />
      ) : providerType === "kubernetes" ? (
        <KubernetesConfigFields stored={target?.providerConfig ?? {}} errors={errors} hasCredentials={target?.hasCredentials ?? false} />
      ) : (
        <LocalConfigFields stored={target?.providerConfig ?? {}} errors={errors} />
      )}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <Field id="target-defaultStrategy" label="Default strategy" error={errors.of("defaultStrategy")}>
          <Select
            id="target-defaultStrategy"
            name="defaultStrategy"
            defaultValue={target?.defaultStrategy ?? "rolling"}
            {...describe("defaultStrategy")}
          >
            {STRATEGIES.map((strategy) => (
              <option key={strategy} value={strategy}>
                {STRATEGY_LABELS[strategy]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="target-canarySteps"
          label="Canary steps (%)"
          error={errors.of("canarySteps")}
          hint="Increasing, ending at 100, e.g. 10, 50, 100."
        >
          <Input
            id="target-canarySteps"
            name="canarySteps"
            defaultValue={(target?.canarySteps ?? [10, 50, 100]).join(", ")}
            {...describe("canarySteps")}
          />
        </Field>
        <Field id="target-stepPauseSeconds" label="Pause at each canary step (seconds)" error={errors.of("stepPauseSeconds")}>
          <Input
            id="target-stepPauseSeconds"
            name="stepPauseSeconds"
            type="number"
            min={0}
            disabled={isManual}
            defaultValue={String(target?.stepPauseSeconds ?? 60)}
            {...describe("stepPauseSeconds")}
          />
        </Field>
        <div className="flex flex-col justify-end gap-2 text-sm text-slate-700">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              name="manualPromote"
              className="size-4"
              checked={isManual}
              onChange={(event) => setManual(event.target.checked)}
            />
            Wait for a person to promote each step
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="requiresBackup" className="size-4" defaultChecked={target?.requiresBackup ?? false} />A deploy
            needs a recorded backup
          </label>
        </div>
      </div>
      <MetricsSourceFields stored={target?.metricsSource ?? null} errors={errors} />
      <TestConnectionPanel readDraft={connectionDraft} />
      <FormError message={errors.summary} />
      <FormActions
        onCancel={onDone}
        pending={mutation.isPending}
        submitLabel={target ? "Save target" : "Add target"}
        pendingLabel="Saving…"
      />
    </form>
  );
}
