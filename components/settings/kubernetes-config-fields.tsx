"use client";
// The form of the Kubernetes provider's configuration (lib/providers/provider-config.ts:
// kubernetesConfigSchema): where the kubeconfig comes from, the namespace, Deployment, container and
// Service the rollouts act on, how smoke tests reach a candidate, the HTTPRoute canaries weight (a replica
// ratio without it), and the replica counts of blue-green / canary revisions. The server validates it all.
import { useState } from "react";
import { Field, fieldErrorId, Input, Select } from "@/components/ui/form";
import { CredentialsField } from "./credentials-field";
import type { FieldErrors } from "./field-errors";

type Stored = Record<string, unknown>;
const SHOWN = [
  "namespace",
  "deployment",
  "container",
  "service",
  "servicePort",
  "kubeconfig",
  "candidateAccess",
  "httpRoute",
  "replicas",
  "previousReplicas",
] as const;

/** The configuration the form describes, laid over the stored one. */
export function readKubernetesConfig(data: FormData, stored: Stored): Stored {
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const optionalNumber = (name: string) => (text(name) === "" ? undefined : Number(text(name)));
  const source = text("kubeconfigSource") || "credentials";
  const context = text("kubeconfigContext") || undefined;
  const kubeconfig =
    source === "file" ? { source, path: text("kubeconfigPath"), context } : source === "in-cluster" ? { source } : { source, context };
  const port = text("servicePort");
  return {
    ...stored,
    namespace: text("namespace"),
    deployment: text("deployment"),
    container: text("container"),
    service: text("k8sService") || undefined,
    servicePort: port === "" ? undefined : /^\d+$/.test(port) ? Number(port) : port,
    kubeconfig,
    candidateAccess:
      text("candidateMode") === "url-template" ? { mode: "url-template", template: text("candidateTemplate") } : { mode: "service-proxy" },
    httpRoute: text("httpRoute") || undefined,
    replicas: optionalNumber("replicas"),
    previousReplicas: optionalNumber("previousReplicas"),
  };
}

export function KubernetesConfigFields({
  stored,
  errors,
  hasCredentials,
}: {
  stored: Stored;
  errors: FieldErrors;
  hasCredentials: boolean;
}) {
  const kube = (stored.kubeconfig ?? { source: "credentials" }) as { source: string; path?: string; context?: string };
  const access = (stored.candidateAccess ?? { mode: "service-proxy" }) as { mode: string; template?: string };
  const [source, setSource] = useState(kube.source);
  const [mode, setMode] = useState(access.mode);
  const error = (name: (typeof SHOWN)[number] | `kubeconfig.${string}` | `candidateAccess.${string}`) =>
    errors.of(`providerConfig.${name}`);
  const control = (id: string, field: Parameters<typeof error>[0], name = id) => ({
    id: `target-${id}`,
    name,
    ...(error(field) ? { "aria-invalid": true, "aria-describedby": fieldErrorId(`target-${id}`) } : {}),
  });
  const text = (key: string) => (stored[key] === undefined ? "" : String(stored[key]));
  const rest = errors.of(
    "providerConfig",
    SHOWN.map((name) => `providerConfig.${name}`),
  );
  return (
    <fieldset className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-2">
      <legend className="px-1 text-xs font-semibold text-slate-700">Kubernetes provider</legend>
      <Field id="target-kubeconfigSource" label="Kubeconfig from" error={error("kubeconfig")}>
        <Select defaultValue={kube.source} onChange={(e) => setSource(e.target.value)} {...control("kubeconfigSource", "kubeconfig")}>
          <option value="credentials">The target&apos;s credentials (paste below, stored encrypted)</option>
          <option value="file">A file on the worker</option>
          <option value="in-cluster">In-cluster (the worker&apos;s service account)</option>
        </Select>
      </Field>
      {source === "credentials" ? (
        <div className="md:col-span-2">
          <CredentialsField
            label="Kubeconfig"
            hint="Stored encrypted; the worker loads it for every call (its context below, or its current one)."
            hasCredentials={hasCredentials}
            errors={errors}
          />
        </div>
      ) : null}
      {source === "file" ? (
        <Field id="target-kubeconfigPath" label="Kubeconfig path" error={error("kubeconfig.path")} hint="Read by the worker at each call.">
          <Input
            required
            className="font-mono"
            defaultValue={kube.path ?? ""}
            placeholder="/etc/flightdeck/kubeconfig"
            {...control("kubeconfigPath", "kubeconfig.path")}
          />
        </Field>
      ) : null}
      {source !== "in-cluster" ? (
        <Field
          id="target-kubeconfigContext"
          label="Context (optional)"
          error={error("kubeconfig.context")}
          hint="Defaults to the kubeconfig's current context."
        >
          <Input defaultValue={kube.context ?? ""} {...control("kubeconfigContext", "kubeconfig.context")} />
        </Field>
      ) : null}
      <Field id="target-namespace" label="Namespace" error={error("namespace")}>
        <Input required defaultValue={text("namespace")} placeholder="shop" {...control("namespace", "namespace")} />
      </Field>
      <Field
        id="target-deployment"
        label="Deployment"
        error={error("deployment")}
        hint="Rolling patches it; blue-green and canary copy its pod template."
      >
        <Input required defaultValue={text("deployment")} placeholder="api" {...control("deployment", "deployment")} />
      </Field>
      <Field id="target-container" label="Container" error={error("container")} hint="The container whose image a release sets.">
        <Input required defaultValue={text("container")} placeholder="app" {...control("container", "container")} />
      </Field>
      <Field
        id="target-k8sService"
        label="Service"
        error={error("service")}
        hint="Required for blue-green and canary: its selector is switched."
      >
        <Input defaultValue={text("service")} placeholder="api" {...control("k8sService", "service")} />
      </Field>
      <Field
        id="target-servicePort"
        label="Service port (optional)"
        error={error("servicePort")}
        hint="Name or number; defaults to the Service's first port."
      >
        <Input defaultValue={text("servicePort")} placeholder="http" {...control("servicePort", "servicePort")} />
      </Field>
      <Field
        id="target-httpRoute"
        label="HTTPRoute for canary weights (optional)"
        error={error("httpRoute")}
        hint="Gateway API backendRefs, 1 % steps. Without it (or its CRD) a canary is a replica ratio."
      >
        <Input defaultValue={text("httpRoute")} placeholder="api" {...control("httpRoute", "httpRoute")} />
      </Field>
      <Field
        id="target-replicas"
        label="Pods per revision (optional)"
        error={error("replicas")}
        hint="Blue-green and canary; defaults to the Deployment's. A ratio's precision is 100 / pods %."
      >
        <Input type="number" min={1} max={1000} defaultValue={text("replicas")} {...control("replicas", "replicas")} />
      </Field>
      <Field
        id="target-previousReplicas"
        label="Pods kept on the replaced revision (optional)"
        error={error("previousReplicas")}
        hint="Blue-green: for an instant rollback; 0 scales it down."
      >
        <Input
          type="number"
          min={0}
          max={1000}
          defaultValue={text("previousReplicas")}
          {...control("previousReplicas", "previousReplicas")}
        />
      </Field>
      <Field id="target-candidateMode" label="Smoke tests reach the candidate through" error={error("candidateAccess")}>
        <Select defaultValue={access.mode} onChange={(e) => setMode(e.target.value)} {...control("candidateMode", "candidateAccess")}>
          <option value="service-proxy">The API server&apos;s proxy (one of the revision&apos;s pods)</option>
          <option value="url-template">A URL template (in-cluster workers)</option>
        </Select>
      </Field>
      {mode === "url-template" ? (
        <Field
          id="target-candidateTemplate"
          label="Candidate URL template"
          error={error("candidateAccess.template")}
          hint="{service} is the revision's preview Service; {namespace} and {revision} are filled in too."
        >
          <Input
            required
            className="font-mono"
            defaultValue={access.template ?? ""}
            placeholder="http://{service}.{namespace}.svc:80"
            {...control("candidateTemplate", "candidateAccess.template")}
          />
        </Field>
      ) : null}
      {rest ? (
        <p id="target-providerConfig-error" className="text-xs font-medium text-red-700 md:col-span-2">
          {rest}
        </p>
      ) : null}
    </fieldset>
  );
}
