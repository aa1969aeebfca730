// The embedded default provider: revisions are real processes behind a weighted proxy, owned by one
// supervisor process per target (supervisor.ts). This class is a client of those supervisors, so a worker
// restart loses nothing: the next instance re-attaches through the state files.
import { AppError } from "@/lib/api/app-error";
import { parseProviderConfig, type LocalConfig } from "../provider-config";
import {
  type ConnectionReport,
  type DeploymentProvider,
  type ProviderTarget,
  revisionNameSchema,
  type RevisionStatus,
  type StartRevisionInput,
  type TargetMetrics,
  type TargetStatus,
  type TrafficWeights,
} from "../types";
import { trafficWeightsSchema } from "./control-schemas";
import { describeLost } from "./describe-lost";
import type { SupervisorClient } from "./supervisor-client";
import { createSupervisorDirectory, type SupervisorDirectory } from "./supervisor-directory";
import { testLocalConnection } from "./test-local-connection";

export type LocalProviderOptions = { stateDir: string; supervisors?: SupervisorDirectory };

function localConfig(target: ProviderTarget): LocalConfig {
  if (target.providerType !== "local")
    throw new AppError("validation", `target ${target.id} is a ${target.providerType} target, not local`);
  return parseProviderConfig({ type: "local", config: target.providerConfig });
}

function validated<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new AppError("validation", (error as Error).message);
  }
}

export class LocalProvider implements DeploymentProvider {
  private readonly supervisors: SupervisorDirectory;
  // One launch at a time per target within this process; across processes the supervisor refuses a twin.
  private readonly launching = new Map<string, Promise<SupervisorClient>>();

  constructor(options: LocalProviderOptions) {
    this.supervisors = options.supervisors ?? createSupervisorDirectory({ stateDir: options.stateDir });
  }

  async startRevision({ target, revision, release, env }: StartRevisionInput): Promise<RevisionStatus> {
    const config = localConfig(target);
    const name = validated(() => revisionNameSchema.parse(revision));
    const client = await this.attachOrLaunch(target.id, config);
    const revisionEnv = { SERVICE_NAME: config.service ?? target.id, ...config.env, ...env };
    return client.startRevision({ name, release, command: config.command, env: revisionEnv, cwd: config.cwd ?? process.cwd() });
  }

  async setTraffic({ target, weights }: { target: ProviderTarget; weights: TrafficWeights }): Promise<TargetStatus> {
    const config = localConfig(target);
    const parsed = trafficWeightsSchema.safeParse(weights);
    if (!parsed.success) throw new AppError("validation", `bad traffic weights: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const client = await this.attached(target.id);
    const status = await client.setTraffic({ weights: parsed.data, retain: config.retainRevisions });
    return { url: status.url, revisions: status.revisions };
  }

  rollback({ target, toRevision }: { target: ProviderTarget; toRevision: string }): Promise<TargetStatus> {
    return this.setTraffic({ target, weights: { [toRevision]: 100 } });
  }

  async getStatus({ target }: { target: ProviderTarget }): Promise<TargetStatus> {
    localConfig(target);
    const found = await this.supervisors.find(target.id);
    if (found.kind === "none") return { url: null, revisions: [] };
    if (found.kind === "lost") return describeLost(found);
    const status = await found.client.status();
    return { url: status.url, revisions: status.revisions };
  }

  async listRevisions({ target }: { target: ProviderTarget }): Promise<RevisionStatus[]> {
    return (await this.getStatus({ target })).revisions;
  }

  async stopRevision({ target, revision }: { target: ProviderTarget; revision: string }): Promise<void> {
    localConfig(target);
    const found = await this.supervisors.find(target.id);
    // Without a live supervisor nothing runs, so the revision is stopped already.
    if (found.kind === "attached") await found.client.stopRevision(revision);
  }

  async getRevisionMetrics({ target }: { target: ProviderTarget }): Promise<TargetMetrics> {
    localConfig(target);
    const found = await this.supervisors.find(target.id);
    return found.kind === "attached" ? found.client.metrics() : { sampledAt: new Date().toISOString(), revisions: [] };
  }

  testConnection({ target }: { target: ProviderTarget }): Promise<ConnectionReport> {
    return testLocalConnection(localConfig(target));
  }

  private async attached(targetId: string): Promise<SupervisorClient> {
    const found = await this.supervisors.find(targetId);
    if (found.kind === "attached") return found.client;
    const why = found.kind === "lost" ? found.reason : "no revision has been started on it";
    throw new AppError("unavailable", `Target ${targetId} has no running local supervisor: ${why}.`);
  }

  private attachOrLaunch(targetId: string, config: LocalConfig): Promise<SupervisorClient> {
    const pending = this.launching.get(targetId);
    if (pending) return pending;
    const attempt = (async () => {
      const found = await this.supervisors.find(targetId);
      if (found.kind === "attached") return found.client;
      const launched = await this.supervisors.launch({ targetId, proxyPort: config.port, metricsPort: config.metricsPort });
      if (launched.kind !== "attached") throw new AppError("unavailable", `the local supervisor of target ${targetId} did not start`);
      return launched.client;
    })().finally(() => this.launching.delete(targetId));
    this.launching.set(targetId, attempt);
    return attempt;
  }
}
