// setTraffic on blue-green / canary revisions: one revision at 100 % switches the Service selector to it
// (and the HTTPRoute, when one routes); a split sets the HTTPRoute's backendRef weights, or, without the
// Gateway API, scales the two revisions to the replica ratio and lets the Service select both.
import { AppError } from "@/lib/api/app-error";
import { splitReplicas } from "@/lib/domain/split-replicas";
import type { KubeCallOptions } from "./call-kube-api";
import { revisionReplicas, servicePortOf } from "./describe-kube-target";
import type { KubeClients } from "./kube-clients";
import { REVISION_LABEL, revisionObjectName, TARGET_LABEL } from "./kube-names";
import { scaleDeployment, setRouteBackends, setServiceSelector } from "./kube-writes";
import type { KubeSnapshot, KubeWrites } from "./read-kube-target";
import type { RevisionStatus, TrafficWeights } from "../types";

export type TrafficInput = {
  clients: KubeClients;
  snapshot: KubeSnapshot;
  revisions: RevisionStatus[];
  weights: TrafficWeights;
  options: KubeCallOptions;
  /** Collects what the cluster answered to each write, so the status after them needs no read. */
  written: KubeWrites;
};

function routePort({ clients, snapshot }: TrafficInput): number {
  const port = servicePortOf({ snapshot, config: clients.config });
  const numeric = Number(port);
  if (Number.isInteger(numeric)) return numeric;
  return snapshot.service?.spec?.ports?.find((p) => p.name === port)?.port ?? 80;
}

async function scaleTo(input: TrafficInput, revision: string, replicas: number) {
  const d = input.snapshot.revisionDeployments.find((x) => x.metadata?.labels?.[REVISION_LABEL] === revision);
  if (d && d.spec?.replicas !== replicas)
    input.written.deployments.push(await scaleDeployment({ clients: input.clients, name: d.metadata!.name!, replicas }, input.options));
}

async function switchTo(input: TrafficInput, revision: string) {
  const { clients, snapshot } = input;
  const config = clients.config;
  const total = revisionReplicas(snapshot, config);
  const d = snapshot.revisionDeployments.find((x) => x.metadata?.labels?.[REVISION_LABEL] === revision);
  if ((d?.spec?.replicas ?? 0) < total) await scaleTo(input, revision, total);
  if (snapshot.route) {
    const backends = [{ name: revisionObjectName(config, revision), port: routePort(input), weight: 100 }];
    input.written.route = await setRouteBackends({ clients, backends, known: snapshot.route }, input.options);
  }
  const selector = { [TARGET_LABEL]: config.deployment, [REVISION_LABEL]: revision };
  input.written.service = await setServiceSelector({ clients, selector, known: snapshot.service }, input.options);
  // Blue-green keeps the revision it replaced for an instant rollback, at the configured size.
  if (config.previousReplicas !== undefined) {
    for (const r of input.revisions) if (r.name !== revision && r.traffic > 0) await scaleTo(input, r.name, config.previousReplicas);
  }
}

async function split(input: TrafficInput, shares: [string, number][]) {
  const { clients, snapshot, revisions } = input;
  const config = clients.config;
  if (snapshot.route) {
    const port = routePort(input);
    const backends = shares.map(([name, weight]) => ({ name: revisionObjectName(config, name), port, weight }));
    input.written.route = await setRouteBackends({ clients, backends, known: snapshot.route }, input.options);
    return;
  }
  if (shares.length !== 2)
    throw new AppError(
      "validation",
      `a replica-ratio split takes exactly two revisions, not ${shares.length}: configure an HTTPRoute for finer splits`,
    );
  // The candidate is the revision serving less now (the newer on a tie); the ratio is in whole pods.
  const now = (name: string) => revisions.find((r) => r.name === name);
  const [candidate, stable] = [...shares].sort(
    (a, b) =>
      (now(a[0])?.traffic ?? 0) - (now(b[0])?.traffic ?? 0) || (now(b[0])?.createdAt ?? "").localeCompare(now(a[0])?.createdAt ?? ""),
  );
  const ratio = splitReplicas({ total: revisionReplicas(snapshot, config), percent: candidate![1] });
  await scaleTo(input, candidate![0], ratio.candidate);
  await scaleTo(input, stable![0], ratio.stable);
  // Every ready pod the Service selects takes a share, so revisions outside the split give up theirs.
  for (const r of revisions) if (!shares.some(([n]) => n === r.name) && r.state !== "stopped") await scaleTo(input, r.name, 0);
  const selector = { [TARGET_LABEL]: config.deployment };
  input.written.service = await setServiceSelector({ clients, selector, known: snapshot.service }, input.options);
}

export async function applyKubeTraffic(input: TrafficInput): Promise<void> {
  const shares = Object.entries(input.weights).filter(([, w]) => w > 0);
  if (shares.length === 1) await switchTo(input, shares[0]![0]);
  else await split(input, shares);
}
