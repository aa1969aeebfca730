// The Cloud Run provider: a target is one Cloud Run service, a revision is `<service>-<name>` created by
// updateService with a new template.revision and a tag at 0 % (so its tag URL reaches it alone before it
// gets traffic), traffic moves by percent, a rollback is 100 % to any revision still listed. Every call goes
// through the real @google-cloud/run v2 clients; README.md beside the contract maps each method.
import { AppError } from "@/lib/api/app-error";
import type { protos } from "@google-cloud/run";
import { parseProviderConfig, type CloudRunConfig } from "../provider-config";
import { trafficWeightsSchema } from "../local/control-schemas";
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
import { ANNOTATION, cloudRunRevisionId, pinnedImage, tagFor } from "./cloud-run-names";
import { callCloudRun, findRevision, readService, updateService, type ServiceHandle } from "./cloud-run-service-calls";
import { type CloudRunClients, createCloudRunClients } from "./create-cloud-run-clients";
import { planTraffic, type TrafficTarget, withCandidateTag, withoutTag } from "./plan-traffic";
import { causeCodeOf, GrpcCode } from "./to-provider-error";
import { testCloudRunConnection } from "./test-cloud-run-connection";
import { toRevisionStatus, toTargetStatus } from "./to-target-status";

type Service = protos.google.cloud.run.v2.IService;
type Revision = protos.google.cloud.run.v2.IRevision;

export type CloudRunProviderOptions = { createClients?: typeof createCloudRunClients };

type Opened = ServiceHandle & { config: CloudRunConfig; target: ProviderTarget };

function cloudRunConfig(target: ProviderTarget): CloudRunConfig {
  if (target.providerType !== "cloudrun")
    throw new AppError("validation", `target ${target.id} is a ${target.providerType} target, not cloudrun`);
  return parseProviderConfig({ type: "cloudrun", config: target.providerConfig });
}

export class CloudRunProvider implements DeploymentProvider {
  private readonly clients = new Map<string, { key: string; clients: CloudRunClients }>();

  constructor(private readonly options: CloudRunProviderOptions = {}) {}

  async startRevision({ target, revision, release, env }: StartRevisionInput): Promise<RevisionStatus> {
    const opened = this.open(target);
    const { config } = opened;
    const name = revisionNameSchema.safeParse(revision);
    if (!name.success) throw new AppError("validation", `bad revision name ${revision}: ${name.error.issues[0]!.message}`);
    const id = cloudRunRevisionId({ service: config.service, name: name.data });
    const existing = await findRevision(opened, id);
    if (existing) return this.existingRevision(opened, existing, release);
    const action = `deploy revision ${id} of service ${config.service}`;
    const failed = this.failedIds(opened, await this.getStatus({ target }));
    try {
      await updateService(
        opened,
        action,
        (service) => ({
          ...service,
          template: this.templateFor({ service, id, release, env: { ...config.env, ...env } }),
          traffic: withCandidateTag({ service, revision: id, tag: tagFor(name.data), failed }),
        }),
        { allowMissing: true },
      );
    } catch (error) {
      // A revision that never became ready fails the operation (code 9); it exists, failed, with its message.
      if (causeCodeOf(error) !== GrpcCode.FAILED_PRECONDITION) throw error;
      const failed = await findRevision(opened, id);
      if (!failed) throw error;
    }
    return (await this.getStatus({ target })).revisions.find((r) => r.name === name.data) ?? this.unknownRevision(name.data);
  }

  async setTraffic({ target, weights }: { target: ProviderTarget; weights: TrafficWeights }): Promise<TargetStatus> {
    const opened = this.open(target);
    const parsed = trafficWeightsSchema.safeParse(weights);
    if (!parsed.success) throw new AppError("validation", `bad traffic weights: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    const status = await this.getStatus({ target });
    for (const [name, percent] of Object.entries(parsed.data)) {
      const revision = status.revisions.find((r) => r.name === name);
      if (!revision) throw new AppError("not_found", `revision ${name} is not a revision of Cloud Run service ${opened.config.service}`);
      if (percent > 0 && !revision.ready)
        throw new AppError(
          "conflict",
          `revision ${name} is not ready and cannot take traffic${revision.reason ? `: ${revision.reason}` : ""}`,
        );
    }
    const service = opened.config.service;
    const split = Object.fromEntries(
      Object.entries(parsed.data).map(([name, percent]) => [cloudRunRevisionId({ service, name }), percent]),
    );
    const summary = Object.entries(parsed.data)
      .map(([n, p]) => `${n} ${p}%`)
      .join(", ");
    await updateService(opened, `set traffic of service ${service} to ${summary}`, (current) => ({
      ...current,
      traffic: planTraffic({ service: current, split, failed: this.failedIds(opened, status) }),
    }));
    return this.getStatus({ target });
  }

  rollback({ target, toRevision }: { target: ProviderTarget; toRevision: string }): Promise<TargetStatus> {
    return this.setTraffic({ target, weights: { [toRevision]: 100 } });
  }

  async getStatus({ target }: { target: ProviderTarget }): Promise<TargetStatus> {
    const opened = this.open(target);
    const service = await readService(opened);
    if (!service) return { url: null, revisions: [] };
    const revisions = await callCloudRun(
      opened,
      `list the revisions of service ${opened.config.service}`,
      async () => (await opened.clients.revisions.listRevisions({ parent: opened.clients.serviceName }))[0],
    );
    return toTargetStatus({ serviceId: opened.config.service, service, revisions });
  }

  async listRevisions({ target }: { target: ProviderTarget }): Promise<RevisionStatus[]> {
    return (await this.getStatus({ target })).revisions;
  }

  async stopRevision({ target, revision }: { target: ProviderTarget; revision: string }): Promise<void> {
    const opened = this.open(target);
    const service = await readService(opened);
    if (!service) return;
    const id = cloudRunRevisionId({ service: opened.config.service, name: revision });
    const entries = (service.traffic ?? []) as TrafficTarget[];
    const own = entries.filter((t) => t.revision?.split("/").pop() === id);
    if (own.some((t) => (t.percent ?? 0) > 0)) throw new AppError("conflict", `revision ${revision} still has traffic: move it away first`);
    if (!own.some((t) => t.tag)) return;
    const failed = this.failedIds(opened, await this.getStatus({ target }));
    await updateService(opened, `remove the tag of revision ${id}`, (current) => ({
      ...current,
      traffic: withoutTag({ service: current, revision: id, failed }),
    }));
  }

  /** Rejects only for a configuration that does not parse; a key that does not, or a refusal, is a failed check. */
  async testConnection({ target }: { target: ProviderTarget }): Promise<ConnectionReport> {
    const config = cloudRunConfig(target);
    let opened: Opened;
    try {
      opened = this.open(target);
    } catch (error) {
      const detail = (error as Error).message;
      return {
        ok: false,
        checks: [
          {
            name: `read the ${config.credentials === "service-account-key" ? "service-account key" : "Application Default Credentials"}`,
            ok: false,
            detail,
          },
        ],
      };
    }
    return testCloudRunConnection({ clients: opened.clients, service: opened.config.service });
  }

  /** The clients of a target, made once per configuration and key (building them loads the protos). */
  protected open(target: ProviderTarget): Opened {
    const config = cloudRunConfig(target);
    const key = JSON.stringify([config, target.credentials ?? null]);
    const cached = this.clients.get(target.id);
    if (cached?.key === key) return { config, clients: cached.clients, target };
    if (cached) void cached.clients.close();
    const clients = (this.options.createClients ?? createCloudRunClients)({ config, credentials: target.credentials });
    this.clients.set(target.id, { key, clients });
    return { config, clients, target };
  }

  /** Closes every client this provider opened. */
  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.clients.close()));
    this.clients.clear();
  }

  private templateFor({
    service,
    id,
    release,
    env,
  }: {
    service: Service;
    id: string;
    release: StartRevisionInput["release"];
    env: Record<string, string>;
  }) {
    const template = service.template ?? {};
    const container = template.containers?.[0] ?? {};
    // Secrets referenced by the service (valueSource) stay; plain values are the target's and the release's.
    const secrets = (container.env ?? []).filter((e) => e.valueSource && !(e.name! in env));
    return {
      ...template,
      revision: id,
      annotations: {
        ...template.annotations,
        [ANNOTATION.version]: release.version,
        [ANNOTATION.digest]: release.digest,
        [ANNOTATION.image]: release.image,
      },
      containers: [
        { ...container, image: pinnedImage(release), env: [...secrets, ...Object.entries(env).map(([name, value]) => ({ name, value }))] },
      ],
    };
  }

  private async existingRevision(opened: Opened, revision: Revision, release: StartRevisionInput["release"]): Promise<RevisionStatus> {
    const status = (await this.getStatus({ target: opened.target })).revisions.find(
      (r) =>
        r.name ===
        revision.name
          ?.split("/")
          .pop()
          ?.slice(opened.config.service.length + 1),
    );
    const current = status ?? toRevisionStatus({ serviceId: opened.config.service, revision });
    if (current.image !== release.image || current.digest !== release.digest)
      throw new AppError(
        "conflict",
        `revision ${current.name} already exists with ${current.image} (${current.digest}); running another release takes a new name`,
      );
    return current;
  }

  /** Cloud Run ids of the revisions whose Ready condition failed: left out of every traffic we send. */
  private failedIds(opened: Opened, status: TargetStatus): Set<string> {
    const service = opened.config.service;
    return new Set(status.revisions.filter((r) => r.state === "exited").map((r) => cloudRunRevisionId({ service, name: r.name })));
  }

  private unknownRevision(name: string): never {
    throw new AppError("unavailable", `Cloud Run accepted revision ${name} but does not list it`);
  }
}
