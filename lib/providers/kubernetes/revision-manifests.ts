// What a revision writes: the strategic-merge image patch of a rolling update, and the Deployment and preview
// Service of a blue-green / canary revision, copied from the target Deployment's pod template. Pure.
import type { V1Container, V1Deployment, V1EnvVar, V1PodTemplateSpec, V1Service } from "@kubernetes/client-node";
import type { KubernetesConfig } from "../provider-config";
import type { ReleaseArtifact } from "../types";
import {
  CHANGE_CAUSE_ANNOTATION,
  DIGEST_ANNOTATION,
  POD_TEMPLATE_HASH_LABEL,
  REVISION_LABEL,
  revisionObjectName,
  STRATEGY_ANNOTATION,
  TARGET_LABEL,
  VERSION_ANNOTATION,
} from "./kube-names";
import type { KubeSnapshot } from "./read-kube-target";

export type RevisionInput = { config: KubernetesConfig; revision: string; release: ReleaseArtifact; env?: Record<string, string> };

const changeCause = ({ revision, release }: RevisionInput) => `flightdeck: deploy ${release.version} (${release.image}) as ${revision}`;
const envList = (env: Record<string, string> = {}): V1EnvVar[] => Object.entries(env).map(([name, value]) => ({ name, value }));

/** Rolling: the container's image (and release env, merged by name), the revision label and the change cause. */
export function rollingImagePatch(input: RevisionInput): object {
  const { config, revision, release } = input;
  const env = envList(input.env);
  return {
    metadata: {
      annotations: { [REVISION_LABEL]: revision, [STRATEGY_ANNOTATION]: "rolling", [CHANGE_CAUSE_ANNOTATION]: changeCause(input) },
    },
    spec: {
      template: {
        metadata: {
          labels: { [REVISION_LABEL]: revision },
          annotations: { [VERSION_ANNOTATION]: release.version, [DIGEST_ANNOTATION]: release.digest },
        },
        spec: { containers: [{ name: config.container, image: release.image, ...(env.length ? { env } : {}) }] },
      },
    },
  };
}

function withRelease(container: V1Container, input: RevisionInput): V1Container {
  const extra = envList(input.env);
  const kept = (container.env ?? []).filter((e) => !extra.some((x) => x.name === e.name));
  return { ...container, image: input.release.image, env: [...kept, ...extra] };
}

/**
 * The target Deployment's pod template for a revision of its own. Labels the Service selects on stay out,
 * so the Service's original selector never picks up a candidate before its switch.
 */
function revisionTemplate(snapshot: KubeSnapshot, input: RevisionInput): V1PodTemplateSpec {
  const template = structuredClone(snapshot.deployment.spec!.template);
  const selected = new Set(Object.keys(snapshot.service?.spec?.selector ?? {}));
  const labels = Object.fromEntries(
    Object.entries(template.metadata?.labels ?? {}).filter(
      ([k]) => !selected.has(k) && k !== POD_TEMPLATE_HASH_LABEL && k !== REVISION_LABEL,
    ),
  );
  const containers = (template.spec?.containers ?? []).map((c) => (c.name === input.config.container ? withRelease(c, input) : c));
  return {
    metadata: {
      labels: { ...labels, [TARGET_LABEL]: input.config.deployment, [REVISION_LABEL]: input.revision },
      annotations: {
        ...template.metadata?.annotations,
        [VERSION_ANNOTATION]: input.release.version,
        [DIGEST_ANNOTATION]: input.release.digest,
      },
    },
    spec: { ...template.spec!, containers },
  };
}

export function revisionDeploymentManifest(
  snapshot: KubeSnapshot,
  input: RevisionInput & { replicas: number; strategy: "blue_green" | "canary" },
): V1Deployment {
  const { config, revision } = input;
  const labels = { [TARGET_LABEL]: config.deployment, [REVISION_LABEL]: revision };
  const spec = snapshot.deployment.spec!;
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: revisionObjectName(config, revision),
      labels,
      annotations: { [STRATEGY_ANNOTATION]: input.strategy, [CHANGE_CAUSE_ANNOTATION]: changeCause(input) },
    },
    spec: {
      replicas: input.replicas,
      selector: { matchLabels: labels },
      template: revisionTemplate(snapshot, input),
      ...(spec.progressDeadlineSeconds ? { progressDeadlineSeconds: spec.progressDeadlineSeconds } : {}),
      ...(spec.minReadySeconds ? { minReadySeconds: spec.minReadySeconds } : {}),
      ...(spec.strategy ? { strategy: spec.strategy } : {}),
    },
  };
}

/** The Service that reaches one revision alone: smoke tests before traffic, and the HTTPRoute's backendRef. */
export function previewServiceManifest(
  snapshot: KubeSnapshot,
  { config, revision }: { config: KubernetesConfig; revision: string },
): V1Service {
  const labels = { [TARGET_LABEL]: config.deployment, [REVISION_LABEL]: revision };
  const ports = (snapshot.service?.spec?.ports ?? []).map((p) => ({
    name: p.name,
    port: p.port,
    targetPort: p.targetPort,
    protocol: p.protocol,
  }));
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: revisionObjectName(config, revision), labels },
    spec: { selector: labels, ports },
  };
}
