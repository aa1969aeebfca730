// Deploys to a Kubernetes cluster through @kubernetes/client-node. Rolling revisions are the target
// Deployment's ReplicaSets (its image patched, rolled back as `rollout undo --to-revision` does); blue-green
// and canary revisions are Deployments of their own with a preview Service, switched by the Service
// selector, weighted by an HTTPRoute or by replica ratio. README.md beside the providers maps it in full.
import type { V1ReplicaSet } from "@kubernetes/client-node";
import { AppError } from "@/lib/api/app-error";
import {
  type ConnectionReport,
  type DeploymentProvider,
  type ProviderTarget,
  revisionNameSchema,
  type RevisionStatus,
  type StartRevisionInput,
  type TargetStatus,
  type TrafficWeights,
} from "../types";
import { trafficWeightsSchema } from "../local/control-schemas";
import { applyKubeTraffic } from "./apply-kube-traffic";
import { callKubeApi, type KubeCallOptions } from "./call-kube-api";
import { describeKubeTarget, k8sRevisionOf, revisionNameOfSet, revisionReplicas } from "./describe-kube-target";
import { createKubeClientCache, type KubeClientCache, type KubeClients } from "./kube-clients";
import { CHANGE_CAUSE_ANNOTATION, POD_TEMPLATE_HASH_LABEL, REVISION_LABEL } from "./kube-names";
import { createIfAbsent, patchDeployment, scaleDeployment } from "./kube-writes";
import { type KubeSnapshot, type KubeWrites, noWrites, readKubeTarget, withWrites } from "./read-kube-target";
import { previewServiceManifest, revisionDeploymentManifest, rollingImagePatch } from "./revision-manifests";
import { testKubeConnection } from "./test-kube-connection";

export type KubernetesProviderOptions = { clients?: KubeClientCache; call?: KubeCallOptions };

type Context = { clients: KubeClients; snapshot: KubeSnapshot; proxyUrl: string; status: TargetStatus };

export class KubernetesProvider implements DeploymentProvider {
  private readonly clients: KubeClientCache;
  private readonly call: KubeCallOptions;

  constructor(options: KubernetesProviderOptions = {}) {
    this.clients = options.clients ?? createKubeClientCache();
    this.call = options.call ?? {};
  }

  /** Stops the loopback API proxies (tests, worker shutdown). */
  close(): Promise<void> {
    return this.clients.close();
  }

  async startRevision({ target, revision, release, env, strategy = "rolling" }: StartRevisionInput): Promise<RevisionStatus> {
    const name = revisionNameSchema.safeParse(revision);
    if (!name.success) throw new AppError("validation", `bad revision name "${revision}": ${name.error.issues[0]!.message}`);
    const ctx = await this.context(target);
    const existing = ctx.status.revisions.find((r) => r.name === revision);
    if (existing) {
      if (existing.image !== release.image || (existing.digest && existing.digest !== release.digest))
        throw new AppError("conflict", `revision ${revision} already runs ${existing.image} (${existing.digest}), not ${release.image}`);
      return existing;
    }
    const { config } = ctx.clients;
    const input = { config, revision, release, env };
    const written = noWrites();
    if (strategy === "rolling") {
      written.deployments.push(
        await patchDeployment(
          { clients: ctx.clients, name: config.deployment, body: rollingImagePatch(input), strategy: "strategic" },
          this.call,
        ),
      );
    } else {
      if (!config.service)
        throw new AppError(
          "validation",
          `providerConfig.service: ${strategy.replace("_", "-")} needs the Service whose selector it switches`,
          {
            fields: [{ path: "providerConfig.service", message: "required for blue-green and canary" }],
          },
        );
      const { namespace } = config;
      const replicas = strategy === "canary" ? 1 : revisionReplicas(ctx.snapshot, config);
      const service = previewServiceManifest(ctx.snapshot, { config, revision });
      const deployment = revisionDeploymentManifest(ctx.snapshot, { ...input, replicas, strategy });
      await createIfAbsent(() =>
        callKubeApi(
          { verb: "create", resource: "services", namespace },
          () => ctx.clients.core.createNamespacedService({ namespace, body: service }),
          this.call,
        ),
      );
      const created = await createIfAbsent(() =>
        callKubeApi(
          { verb: "create", resource: "deployments", namespace },
          () => ctx.clients.apps.createNamespacedDeployment({ namespace, body: deployment }),
          this.call,
        ),
      );
      // One that already existed (a step repeated after a crash) is read back as it is.
      if (!created) return this.revisionNamed(await this.context(target), revision, release);
      written.deployments.push(created);
    }
    return this.revisionNamed(this.after(ctx, written), revision, release);
  }

  /** The revision as the status shows it, or as just started when the cluster has not made its objects yet. */
  private revisionNamed(ctx: Context, revision: string, release: StartRevisionInput["release"]): RevisionStatus {
    return (
      ctx.status.revisions.find((r) => r.name === revision) ?? {
        ...release,
        name: revision,
        state: "starting",
        ready: false,
        healthy: true,
        url: null,
        traffic: 0,
        createdAt: new Date().toISOString(),
      }
    );
  }

  async setTraffic({ target, weights }: { target: ProviderTarget; weights: TrafficWeights }): Promise<TargetStatus> {
    const parsed = trafficWeightsSchema.safeParse(weights);
    if (!parsed.success) throw new AppError("validation", `bad traffic weights: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const ctx = await this.context(target);
    const revisions = ctx.status.revisions;
    const rolling = (name: string) => ctx.snapshot.replicaSets.some((rs) => this.revisionOfSet(ctx, rs) === name);
    for (const [name, weight] of Object.entries(parsed.data)) {
      const found = revisions.find((r) => r.name === name);
      if (!found)
        throw new AppError(
          "not_found",
          `revision ${name} does not exist on ${ctx.clients.config.namespace}/${ctx.clients.config.deployment}`,
        );
      // An older ReplicaSet of a rolling Deployment has no pods until traffic goes back to it: that is the undo.
      if (weight > 0 && !found.ready && found.traffic === 0 && !rolling(name))
        throw new AppError("conflict", `revision ${name} is not ready: ${found.reason ?? found.state}`);
    }
    const names = Object.keys(parsed.data);
    const written = noWrites();
    if (names.some(rolling)) {
      const serving = Object.entries(parsed.data).filter(([, w]) => w > 0);
      if (serving.length !== 1 || names.some((n) => !rolling(n)))
        throw new AppError(
          "validation",
          `a rolling Deployment serves one revision at a time, so it cannot split ${JSON.stringify(parsed.data)}: ` +
            "a canary needs a stable revision of its own (deploy once with blue-green to move the target onto revision Deployments)",
        );
      await this.undoTo(ctx, serving[0]![0], written);
    } else {
      await applyKubeTraffic({
        clients: ctx.clients,
        snapshot: ctx.snapshot,
        revisions,
        weights: parsed.data,
        options: this.call,
        written,
      });
    }
    return this.after(ctx, written).status;
  }

  async getStatus({ target }: { target: ProviderTarget }): Promise<TargetStatus> {
    return (await this.context(target)).status;
  }

  async rollback({ target, toRevision }: { target: ProviderTarget; toRevision: string }): Promise<TargetStatus> {
    const ctx = await this.context(target);
    const found = ctx.status.revisions.find((r) => r.name === toRevision);
    if (!found) throw new AppError("not_found", `revision ${toRevision} is not in the history of ${ctx.clients.config.deployment}`);
    const written = noWrites();
    if (ctx.snapshot.replicaSets.some((rs) => this.revisionOfSet(ctx, rs) === toRevision)) await this.undoTo(ctx, toRevision, written);
    else if (found.ready)
      await applyKubeTraffic({
        clients: ctx.clients,
        snapshot: ctx.snapshot,
        revisions: ctx.status.revisions,
        weights: { [toRevision]: 100 },
        options: this.call,
        written,
      });
    else await this.scaleRevision(ctx, toRevision, revisionReplicas(ctx.snapshot, ctx.clients.config), written);
    return this.after(ctx, written).status;
  }

  async listRevisions({ target }: { target: ProviderTarget }): Promise<RevisionStatus[]> {
    return (await this.context(target)).status.revisions;
  }

  async stopRevision({ target, revision }: { target: ProviderTarget; revision: string }): Promise<void> {
    const ctx = await this.context(target);
    const found = ctx.status.revisions.find((r) => r.name === revision);
    if (!found) return;
    const sets = [...ctx.snapshot.replicaSets].sort((a, b) => k8sRevisionOf(b) - k8sRevisionOf(a));
    const set = sets.find((rs) => this.revisionOfSet(ctx, rs) === revision);
    if (set) {
      // A rolling Deployment always runs one revision: stopping the current one takes it back to the one before.
      if (!this.isCurrent(ctx, set)) return;
      const before = sets.find((rs) => k8sRevisionOf(rs) < k8sRevisionOf(set));
      if (before) await this.undoTo(ctx, this.revisionOfSet(ctx, before), noWrites());
      return;
    }
    if (found.traffic > 0) throw new AppError("conflict", `revision ${revision} still has ${found.traffic} % of the traffic`);
    await this.scaleRevision(ctx, revision, 0, noWrites());
  }

  testConnection({ target }: { target: ProviderTarget }): Promise<ConnectionReport> {
    return testKubeConnection(this.clients.clientsFor(target), this.call);
  }

  private async context(target: ProviderTarget): Promise<Context> {
    const clients = this.clients.clientsFor(target);
    const snapshot = await readKubeTarget(clients, this.call);
    const proxyUrl = clients.config.candidateAccess.mode === "service-proxy" ? await clients.proxyUrl() : "";
    return { clients, snapshot, proxyUrl, status: describeKubeTarget({ snapshot, config: clients.config, proxyUrl }) };
  }

  /** The context after this operation's writes, from what the cluster answered to them (no read). */
  private after(ctx: Context, written: KubeWrites): Context {
    const snapshot = withWrites(ctx.snapshot, written);
    return { ...ctx, snapshot, status: describeKubeTarget({ snapshot, config: ctx.clients.config, proxyUrl: ctx.proxyUrl }) };
  }

  private revisionOfSet(ctx: Context, rs: V1ReplicaSet): string {
    return revisionNameOfSet(ctx.clients.config, rs);
  }

  private isCurrent(ctx: Context, rs: V1ReplicaSet): boolean {
    const template = ctx.snapshot.deployment.spec?.template.metadata?.labels?.[REVISION_LABEL];
    const highest = Math.max(...ctx.snapshot.replicaSets.map(k8sRevisionOf));
    return template ? rs.spec?.template?.metadata?.labels?.[REVISION_LABEL] === template : k8sRevisionOf(rs) === highest;
  }

  /** `kubectl rollout undo --to-revision`: that ReplicaSet's pod template (without its hash label) back into the Deployment. */
  private async undoTo(ctx: Context, revision: string, written: KubeWrites): Promise<void> {
    const set = ctx.snapshot.replicaSets.find((rs) => this.revisionOfSet(ctx, rs) === revision);
    if (!set) throw new AppError("not_found", `revision ${revision} is not in the ReplicaSet history of ${ctx.clients.config.deployment}`);
    if (this.isCurrent(ctx, set)) return;
    const template = structuredClone(set.spec!.template!);
    delete template.metadata?.labels?.[POD_TEMPLATE_HASH_LABEL];
    const cause = set.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
    const annotations = {
      ...ctx.snapshot.deployment.metadata?.annotations,
      [REVISION_LABEL]: revision,
      ...(cause ? { [CHANGE_CAUSE_ANNOTATION]: cause } : {}),
    };
    const body = [
      { op: "replace", path: "/spec/template", value: template },
      { op: "replace", path: "/metadata/annotations", value: annotations },
    ];
    written.deployments.push(
      await patchDeployment({ clients: ctx.clients, name: ctx.clients.config.deployment, body, strategy: "json" }, this.call),
    );
  }

  private async scaleRevision(ctx: Context, revision: string, replicas: number, written: KubeWrites): Promise<void> {
    const d = ctx.snapshot.revisionDeployments.find((x) => x.metadata?.labels?.[REVISION_LABEL] === revision);
    if (d && d.spec?.replicas !== replicas)
      written.deployments.push(await scaleDeployment({ clients: ctx.clients, name: d.metadata!.name!, replicas }, this.call));
  }
}
