// A target's state as the provider contract states it, from one snapshot: each rolling ReplicaSet and each
// blue-green / canary Deployment becomes a revision with readiness (`rollout status` semantics), its own URL
// and its traffic share, read from whatever routes traffic now: the HTTPRoute's weights, the Service's
// selector, or the ready-pod ratio.
import type { V1Deployment, V1PodTemplateSpec, V1ReplicaSet } from "@kubernetes/client-node";
import { decideRolloutStatus } from "@/lib/domain/kube-rollout-status";
import type { KubernetesConfig } from "../provider-config";
import type { RevisionStatus, TargetStatus, TrafficRouting } from "../types";
import {
  DIGEST_ANNOTATION,
  K8S_REVISION_ANNOTATION,
  REVISION_LABEL,
  revisionObjectName,
  TARGET_LABEL,
  unlabelledRevisionName,
  VERSION_ANNOTATION,
} from "./kube-names";
import type { KubeSnapshot } from "./read-kube-target";

export type DescribeInput = { snapshot: KubeSnapshot; config: KubernetesConfig; proxyUrl: string };

export const k8sRevisionOf = (rs: V1ReplicaSet) => Number(rs.metadata?.annotations?.[K8S_REVISION_ANNOTATION] ?? 0);

/** A rolling revision's name: its template's revision label, or (from before Flightdeck) its Kubernetes revision. */
export const revisionNameOfSet = (config: KubernetesConfig, rs: V1ReplicaSet) =>
  rs.spec?.template?.metadata?.labels?.[REVISION_LABEL] ?? unlabelledRevisionName(config, String(k8sRevisionOf(rs)));

/** Pods of each blue-green / canary revision: the configured count, else the Deployment's own (at least 1). */
export function revisionReplicas(snapshot: KubeSnapshot, config: KubernetesConfig): number {
  return config.replicas ?? Math.max(1, snapshot.deployment.spec?.replicas ?? 1);
}

export function servicePortOf({ snapshot, config }: { snapshot: KubeSnapshot; config: KubernetesConfig }): string {
  const port = snapshot.service?.spec?.ports?.[0];
  return String(config.servicePort ?? port?.name ?? port?.port ?? 80);
}

export function serviceUrl(input: DescribeInput & { service: string; revision?: string }): string {
  const { config } = input;
  if (config.candidateAccess.mode === "url-template")
    return config.candidateAccess.template
      .replaceAll("{service}", input.service)
      .replaceAll("{namespace}", config.namespace)
      .replaceAll("{revision}", input.revision ?? "");
  return `${input.proxyUrl}/api/v1/namespaces/${config.namespace}/services/${input.service}:${servicePortOf(input)}/proxy`;
}

/**
 * One revision alone: with a URL template, its preview Service; through the API server, one of its ready
 * pods (`pods/{name}:{port}/proxy`). Not the Service proxy: the API server spreads requests over endpoints
 * per request, ignoring sessionAffinity, and a smoke suite's MCP session lives on one pod.
 */
export function revisionUrl(input: DescribeInput & { revision: string; service: string }): string | null {
  if (input.config.candidateAccess.mode === "url-template") return serviceUrl(input);
  const pod = input.snapshot.readyPods
    .filter((p) => p.metadata?.labels?.[REVISION_LABEL] === input.revision)
    .sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""))[0];
  if (!pod) return null;
  const port = pod.spec?.containers.find((c) => c.name === input.config.container)?.ports?.[0]?.containerPort;
  return `${input.proxyUrl}/api/v1/namespaces/${input.config.namespace}/pods/${pod.metadata!.name}${port ? `:${port}` : ""}/proxy`;
}

export function describeRouting({ snapshot, config }: { snapshot: KubeSnapshot; config: KubernetesConfig }): TrafficRouting {
  if (config.httpRoute && snapshot.routeServed)
    return {
      mode: "http-route",
      precisionPercent: 1,
      detail: `Canary weights through HTTPRoute ${config.httpRoute}'s backendRefs (1 % steps)`,
    };
  const pods = revisionReplicas(snapshot, config);
  const precision = Math.round((100 / pods) * 100) / 100;
  const why = config.httpRoute ? `the cluster does not serve the Gateway API (HTTPRoute CRD), so ` : "no HTTPRoute is configured, so ";
  return {
    mode: "replica-ratio",
    precisionPercent: precision,
    detail: `${why}canary weights are a ratio of ${pods} pods: steps of ${precision} %`,
  };
}

/** Percent by revision name, from what routes traffic now. */
function trafficShares(snapshot: KubeSnapshot, config: KubernetesConfig): Map<string, number> {
  const shares = new Map<string, number>();
  const byService = new Map(snapshot.revisionDeployments.map((d) => [d.metadata?.name ?? "", d.metadata?.labels?.[REVISION_LABEL] ?? ""]));
  const refs = snapshot.route?.spec.rules?.[0]?.backendRefs?.filter((r) => byService.has(r.name)) ?? [];
  const selector = snapshot.service?.spec?.selector ?? {};
  const proportional = (items: [string, number][]) => {
    const total = items.reduce((sum, [, n]) => sum + n, 0);
    for (const [name, n] of items) shares.set(name, total > 0 ? Math.round((100 * n) / total) : 0);
  };
  if (refs.length > 0) proportional(refs.map((r) => [byService.get(r.name)!, r.weight ?? 1]));
  else if (selector[TARGET_LABEL] === config.deployment && selector[REVISION_LABEL]) shares.set(selector[REVISION_LABEL], 100);
  else if (selector[TARGET_LABEL] === config.deployment)
    proportional(snapshot.revisionDeployments.map((d) => [d.metadata?.labels?.[REVISION_LABEL] ?? "", d.status?.readyReplicas ?? 0]));
  else proportional(snapshot.replicaSets.map((rs) => [revisionNameOfSet(config, rs), rs.status?.readyReplicas ?? 0]));
  return shares;
}

const isoTime = (t: Date | string | undefined) => (t ? new Date(t).toISOString() : "");
const timeOf = (t: Date | string | undefined) => (t ? new Date(t).getTime() : 0);

function artifactOf(template: V1PodTemplateSpec | undefined, container: string) {
  const image = template?.spec?.containers.find((c) => c.name === container)?.image ?? "";
  const annotations = template?.metadata?.annotations ?? {};
  return { image, version: annotations[VERSION_ANNOTATION] ?? image.split(":").at(-1) ?? "", digest: annotations[DIGEST_ANNOTATION] ?? "" };
}

function describeRollingSets(input: DescribeInput, shares: Map<string, number>): RevisionStatus[] {
  const { snapshot, config } = input;
  const d = snapshot.deployment;
  const sets = [...snapshot.replicaSets].sort((a, b) => k8sRevisionOf(b) - k8sRevisionOf(a));
  const currentLabel = d.spec?.template.metadata?.labels?.[REVISION_LABEL];
  const nameOf = (rs: V1ReplicaSet) => revisionNameOfSet(config, rs);
  const currentName = currentLabel ?? (sets[0] ? nameOf(sets[0]) : undefined);
  const rollout = decideRolloutStatus({
    name: config.deployment,
    deployment: { generation: d.metadata?.generation, specReplicas: d.spec?.replicas, status: d.status },
  });
  const revisions = sets.map((rs): RevisionStatus => {
    const name = nameOf(rs);
    const base = {
      name,
      ...artifactOf(rs.spec?.template, config.container),
      createdAt: isoTime(rs.metadata?.creationTimestamp),
      traffic: shares.get(name) ?? 0,
      platformRevision: String(k8sRevisionOf(rs)),
    };
    if (name === currentName) {
      const state = rollout.phase === "complete" ? "running" : rollout.phase === "failed" ? "exited" : "starting";
      return {
        ...base,
        state,
        ready: rollout.phase === "complete",
        healthy: rollout.phase !== "failed",
        url: rollout.phase === "complete" ? revisionUrl({ ...input, revision: name, service: config.service ?? config.deployment }) : null,
        exitCode: null,
        reason: rollout.phase === "complete" ? undefined : rollout.reason,
      };
    }
    const running = (rs.spec?.replicas ?? 0) > 0;
    return {
      ...base,
      state: running ? "running" : "stopped",
      ready: running && (rs.status?.readyReplicas ?? 0) > 0,
      healthy: running,
      url: null,
      restorable: true,
      reason: running
        ? "an older ReplicaSet still scaling down"
        : "in the Deployment's ReplicaSet history: rollback restores its pod template",
    };
  });
  // Patched, but the controller has not made its ReplicaSet yet.
  if (currentLabel && !sets.some((rs) => nameOf(rs) === currentLabel)) {
    const template = artifactOf(d.spec?.template, config.container);
    revisions.unshift({
      name: currentLabel,
      ...template,
      state: "starting",
      ready: false,
      healthy: true,
      url: null,
      traffic: 0,
      createdAt: new Date().toISOString(),
      reason: rollout.reason,
    });
  }
  return revisions;
}

function describeRevisionDeployment(input: DescribeInput, d: V1Deployment, traffic: number): RevisionStatus {
  const { config } = input;
  const name = d.metadata?.labels?.[REVISION_LABEL] ?? d.metadata?.name ?? "";
  const rollout = decideRolloutStatus({
    name: d.metadata?.name ?? name,
    deployment: { generation: d.metadata?.generation, specReplicas: d.spec?.replicas, status: d.status },
  });
  const scaledDown = (d.spec?.replicas ?? 0) === 0;
  const available = (d.status?.availableReplicas ?? 0) > 0;
  const ready = !scaledDown && rollout.phase !== "failed" && available && (rollout.phase === "complete" || traffic > 0);
  const state = scaledDown ? "stopped" : rollout.phase === "failed" ? "exited" : ready ? "running" : "starting";
  return {
    name,
    ...artifactOf(d.spec?.template, config.container),
    state,
    ready,
    healthy: state === "running" || state === "starting",
    url: ready ? revisionUrl({ ...input, service: revisionObjectName(config, name), revision: name }) : null,
    traffic,
    createdAt: isoTime(d.metadata?.creationTimestamp),
    ...(scaledDown ? { restorable: true, reason: "scaled to 0: rollback scales it up again" } : {}),
    ...(state === "exited" || state === "starting" ? { reason: rollout.reason, exitCode: null } : {}),
  };
}

export function describeKubeTarget(input: DescribeInput): TargetStatus {
  const { snapshot, config } = input;
  const shares = trafficShares(snapshot, config);
  const deployments = [...snapshot.revisionDeployments]
    .sort((a, b) => timeOf(b.metadata?.creationTimestamp) - timeOf(a.metadata?.creationTimestamp))
    .map((d) => describeRevisionDeployment(input, d, shares.get(d.metadata?.labels?.[REVISION_LABEL] ?? "") ?? 0));
  return {
    url: config.service ? serviceUrl({ ...input, service: config.service }) : null,
    revisions: [...deployments, ...describeRollingSets(input, shares)],
    routing: describeRouting(input),
  };
}
