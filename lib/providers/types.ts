// The deployment provider contract: what the rollout engine may ask of a platform (local processes,
// Kubernetes, Cloud Run). Every method is idempotent, so a job that is repeated after a worker crash never
// does a side effect twice. README.md beside this file maps each method onto each platform.
import { z } from "zod";
import type { ProviderType } from "./provider-config";

export type { ProviderType } from "./provider-config";

/**
 * A revision name is chosen by the caller and is the idempotency key of startRevision: a DNS label, as
 * Kubernetes object names and Cloud Run revision names must be (e.g. `api-v2-4f9c`).
 */
export const revisionNameSchema = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, "a revision name is a lower-case DNS label");

/** The target as stored (a Target row fits): the provider validates `providerConfig` with its own schema. */
export type ProviderTarget = {
  id: string;
  providerType: ProviderType;
  providerConfig: unknown;
  /** Decrypted Target.credentialsEncrypted, for providers that need them (kubeconfig, service account key). */
  credentials?: string;
};

export type ReleaseArtifact = { version: string; image: string; digest: string };

export type RevisionState = "starting" | "running" | "exited" | "stopped" | "gone";

export type RevisionStatus = {
  name: string;
  version: string;
  image: string;
  digest: string;
  state: RevisionState;
  /** Accepts requests (local: its port accepts connections; k8s: pods ready; Cloud Run: Ready condition). */
  ready: boolean;
  /** Running and not failed; an exited or gone revision is never healthy and never gets traffic. */
  healthy: boolean;
  /** Reaches this revision alone, bypassing the split (local: its own port; Cloud Run: its tag URL). */
  url: string | null;
  /** Percent of the target's traffic assigned to this revision (0..100). */
  traffic: number;
  /** ISO time the revision was created. */
  createdAt: string;
  /** Set once the process exited on its own (local); null when killed by a signal. */
  exitCode?: number | null;
  /** Why the revision is not healthy, for a person to read. */
  reason?: string;
  /**
   * Not running, but the platform can bring it back in place with `rollback` (Kubernetes: a ReplicaSet in
   * the Deployment's history, restored as `rollout undo --to-revision` does; a scaled-down blue-green revision).
   */
  restorable?: boolean;
  /** The platform's own revision number, when it has one (Kubernetes: `deployment.kubernetes.io/revision`). */
  platformRevision?: string;
};

/** How the target splits traffic between revisions, for the UI to say what a weight will really do. */
export type TrafficRouting = {
  mode: "proxy" | "http-route" | "replica-ratio" | "service-selector";
  /** The smallest step a weight can take, in percent (1 for a proxy or an HTTPRoute; 100 / replicas for a replica ratio). */
  precisionPercent: number;
  detail: string;
};

export type TargetStatus = {
  /** The target's traffic-splitting URL (local: the proxy; Cloud Run: the service URL). */
  url: string | null;
  revisions: RevisionStatus[];
  /** Present when the platform lost the target's revisions (local: the supervisor died); says what happened. */
  lost?: { reason: string };
  /** How weights are applied, where the provider knows (Kubernetes: HTTPRoute backendRefs or replica ratio). */
  routing?: TrafficRouting;
};

/** Traffic percent by revision name; the values sum to 100; revisions left out get 0. */
export type TrafficWeights = Record<string, number>;

/** Cumulative counters since the revision started; a consumer computes rates from two samples. */
export type RevisionMetrics = {
  revision: string;
  requests: number;
  statusClasses: { "1xx": number; "2xx": number; "3xx": number; "4xx": number; "5xx": number };
  /** Requests the proxy could not deliver (connection refused, reset); also counted as 5xx. */
  proxyErrors: number;
  /** Latency histogram: counts[i] requests took ≤ boundsMs[i] (and > boundsMs[i-1]); the last count is above every bound. */
  latencyMs: { boundsMs: number[]; counts: number[]; sum: number; count: number };
};

export type TargetMetrics = { sampledAt: string; revisions: RevisionMetrics[] };

export type StartRevisionInput = {
  target: ProviderTarget;
  revision: string;
  release: ReleaseArtifact;
  /** Release-specific environment, layered over the target's. */
  env?: Record<string, string>;
  /**
   * The deployment's strategy, for platforms whose mapping depends on it (Kubernetes: rolling patches the
   * Deployment, blue-green and canary create a Deployment per revision). Others ignore it.
   */
  strategy?: "rolling" | "blue_green" | "canary";
};

export type TargetInput = { target: ProviderTarget };

/** One thing a connection test tried, as a person reads it ("get deployments/api in namespace shop"). */
export type ConnectionCheck = { name: string; ok: boolean; detail: string };

/** What a target's configuration and credentials may do on the platform; ok when every check passed. */
export type ConnectionReport = { ok: boolean; checks: ConnectionCheck[] };

/** The one interface every deployment provider implements (STYLE 7 and 13); a registry picks it by target type. */
export interface DeploymentProvider {
  /**
   * Creates `revision` from the release, with NO traffic where the platform allows it (local and Cloud
   * Run always; Kubernetes rolling cannot: its new pods serve as they become ready). Resolves once the
   * platform accepted it, not once it is ready: poll getStatus for `ready`.
   *
   * Idempotent by name: if the revision exists with the same image and digest, returns its current status
   * and starts nothing; the same name with another artifact is a `conflict` AppError.
   */
  startRevision(input: StartRevisionInput): Promise<RevisionStatus>;

  /**
   * Sets the whole traffic split at once: percent by revision, summing to 100, every named revision
   * existing (else `not_found`) and, for a share above 0, ready (else `conflict`); revisions left out get 0.
   * A revision that loses all traffic keeps running until the provider's retention limit retires it.
   *
   * Idempotent by nature: it states the desired split, so repeating it changes nothing.
   */
  setTraffic(input: TargetInput & { weights: TrafficWeights }): Promise<TargetStatus>;

  /** Reads the target: its revisions with readiness, health, direct URL and traffic. Read-only. */
  getStatus(input: TargetInput): Promise<TargetStatus>;

  /**
   * Sends all traffic to `toRevision` (an earlier revision that still exists and is healthy). Equivalent to
   * `setTraffic({ [toRevision]: 100 })` on local and Cloud Run; on Kubernetes it restores that revision's
   * pod template (`rollout undo --to-revision`). Idempotent: repeating it leaves the same state.
   */
  rollback(input: TargetInput & { toRevision: string }): Promise<TargetStatus>;

  /** The target's revisions, newest first, including stopped ones the provider still knows. Read-only. */
  listRevisions(input: TargetInput): Promise<RevisionStatus[]>;

  /**
   * Retires `revision`: stops its process / scales it to zero / deletes its tag. Refused (`conflict`)
   * while it has traffic. Idempotent: stopping a stopped or unknown revision is a no-op.
   */
  stopRevision(input: TargetInput & { revision: string }): Promise<void>;

  /**
   * Optional capability: per-revision request counts, status classes and latency histograms as seen by
   * the provider's own traffic layer (the local proxy). Providers without one leave it out, and metrics
   * come from Prometheus instead. Read-only.
   */
  getRevisionMetrics?(input: TargetInput): Promise<TargetMetrics>;

  /**
   * Tries the target's configuration and credentials against the platform without changing anything:
   * reach it, authenticate, and ask whether each verb the provider needs is allowed. Never rejects for a
   * refusal — a failed check is data; rejects only with a `validation` AppError for a configuration that
   * does not parse. Read-only.
   */
  testConnection(input: TargetInput): Promise<ConnectionReport>;
}
