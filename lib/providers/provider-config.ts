// The shapes of Target.providerConfig, one zod schema per provider type. The JSON column is validated here
// at the boundary (STYLE 2) by the provider that reads it, so a bad target fails with the offending field.
import { z } from "zod";
import { AppError } from "@/lib/api/app-error";

const envMap = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "not an environment variable name"), z.string());

/** local: each revision runs `command` as a child process; one proxy per target on `port` (0 = any free one). */
export const localConfigSchema = z.object({
  command: z.array(z.string().min(1)).min(1),
  /** The port of the target's traffic-splitting proxy; 0 picks a free one (reported by getStatus().url). */
  port: z.number().int().min(0).max(65535),
  /** The supervisor's Prometheus endpoint (GET /metrics) for scraping; 0 or absent picks a free one (in the state file). */
  metricsPort: z.number().int().min(0).max(65535).optional(),
  /** Service name handed to the process as SERVICE_NAME; defaults to the target id. */
  service: z.string().min(1).optional(),
  /** Environment of every revision (a release's own env wins over it). */
  env: envMap.optional(),
  /** Non-serving revisions kept running for an instant rollback; older ones are stopped. */
  retainRevisions: z.number().int().min(0).max(20).default(2),
  /** Working directory of the revisions; defaults to the worker's. */
  cwd: z.string().min(1).optional(),
});

/** Where a Kubernetes provider finds its credentials: a file, the target's encrypted credentials, or the pod's service account. */
const kubeconfigSource = z.discriminatedUnion("source", [
  z.object({ source: z.literal("file"), path: z.string().min(1).max(4096), context: z.string().min(1).max(253).optional() }),
  z.object({ source: z.literal("credentials"), context: z.string().min(1).max(253).optional() }),
  z.object({ source: z.literal("in-cluster") }),
]);

const dnsLabel = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "a lower-case DNS label (Kubernetes object name)");

/** How smoke tests reach one revision: the API server's service proxy (default) or a URL template. */
const candidateAccess = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("service-proxy") }),
  /** `{service}` (the revision's Service), `{namespace}`, `{revision}` are filled in, e.g. `http://{service}.{namespace}.svc:80`. */
  z.object({ mode: z.literal("url-template"), template: z.string().url().max(500) }),
]);

export const kubernetesConfigSchema = z
  .object({
    namespace: dnsLabel,
    /** The Deployment a rolling update patches, and the pod template blue-green and canary revisions copy. */
    deployment: dnsLabel,
    container: dnsLabel,
    /** The Service whose selector a blue-green switch moves; required for blue-green and canary. */
    service: dnsLabel.optional(),
    /** The Service port (name or number) smoke tests and routes use; defaults to the Service's first port. */
    servicePort: z.union([z.string().min(1).max(63), z.number().int().min(1).max(65535)]).optional(),
    kubeconfig: kubeconfigSource.default({ source: "in-cluster" }),
    candidateAccess: candidateAccess.default({ mode: "service-proxy" }),
    /** The Gateway API HTTPRoute whose backendRefs carry canary weights; without it (or its CRD) canaries split by replica ratio. */
    httpRoute: dnsLabel.optional(),
    /** Pods of each blue-green / canary revision; defaults to the Deployment's replicas (at least 1). */
    replicas: z.number().int().min(1).max(1000).optional(),
    /** Replicas a replaced blue-green revision keeps for an instant rollback (0 scales it down, keeping the Deployment). */
    previousReplicas: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

/** Cloud Run: one service of one project and region; revisions are created, tagged and routed through the Admin API v2. */
export const cloudRunConfigSchema = z.object({
  /** The Google Cloud project id (not its number). */
  project: z.string().regex(/^[a-z][-a-z0-9]{4,28}[a-z0-9]$/, "a project id: 6-30 lower-case letters, digits or hyphens"),
  region: z.string().regex(/^[a-z]+-[a-z]+\d+$/, "a Cloud Run region such as europe-west1"),
  /** The service id; revisions are named `<service>-<revision>`, as Cloud Run requires. */
  service: z.string().regex(/^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/, "a lower-case DNS label of at most 49 characters"),
  /**
   * `service-account-key`: the target's encrypted credentials hold a key JSON (its token_uri is honoured);
   * `application-default`: the worker's Application Default Credentials (metadata server, GOOGLE_APPLICATION_CREDENTIALS).
   */
  credentials: z.enum(["service-account-key", "application-default"]).default("service-account-key"),
  /** The Admin API's base URL; only for a private endpoint or the test server (default https://run.googleapis.com). */
  apiEndpoint: z
    .url({ protocol: /^https?$/, message: "must be an http or https URL" })
    .max(2048)
    .optional(),
  /** Environment of every revision (a release's own env wins over it). */
  env: envMap.optional(),
});

export const providerConfigSchemas = {
  local: localConfigSchema,
  kubernetes: kubernetesConfigSchema,
  cloudrun: cloudRunConfigSchema,
} as const;

export type ProviderType = keyof typeof providerConfigSchemas;

/** Provider types a new target may use: every provider has shipped. */
export const AVAILABLE_PROVIDER_TYPES: readonly ProviderType[] = ["local", "kubernetes", "cloudrun"];
export type LocalConfig = z.infer<typeof localConfigSchema>;
export type KubernetesConfig = z.infer<typeof kubernetesConfigSchema>;
export type CloudRunConfig = z.infer<typeof cloudRunConfigSchema>;

/** Parses a target's stored configuration for its provider type; a validation AppError names the bad fields. */
export function parseProviderConfig<T extends ProviderType>({
  type,
  config,
}: {
  type: T;
  config: unknown;
}): z.infer<(typeof providerConfigSchemas)[T]> {
  const parsed = providerConfigSchemas[type].safeParse(config);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ path: `providerConfig.${i.path.join(".")}`, message: i.message }));
    throw new AppError(
      "validation",
      `The ${type} target configuration is invalid: ${fields.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
      { fields },
    );
  }
  return parsed.data as z.infer<(typeof providerConfigSchemas)[T]>;
}
