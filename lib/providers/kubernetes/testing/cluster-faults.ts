// Faults on demand, shared by the in-process handle and the admin API: RBAC refusals for a verb and
// resource, 429/5xx for the next N matching requests, pods that never become ready (so a rollout runs into
// its progress deadline), and the HTTPRoute CRD removed or installed again.
import { z } from "zod";
import type { Pod } from "./kube-types";
import { isNeverReadyImage } from "./pod-runtime";

export const denyRuleSchema = z.object({
  verb: z.string().min(1).default("*"),
  /** Plural, optionally with a subresource ("deployments", "deployments/scale"), or "*". */
  resource: z.string().min(1),
  namespace: z.string().optional(),
  user: z.string().optional(),
});
export const failRuleSchema = z.object({
  status: z.union([z.literal(429), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]),
  count: z.number().int().min(1).default(1),
  verb: z.string().optional(),
  resource: z.string().optional(),
  retryAfterSeconds: z.number().int().min(0).default(1),
});
export const neverReadyRuleSchema = z.object({
  namespace: z.string().optional(),
  deployment: z.string().optional(),
  image: z.string().optional(),
});

export type DenyRule = z.infer<typeof denyRuleSchema>;
export type FailRule = z.infer<typeof failRuleSchema>;
export type NeverReadyRule = z.infer<typeof neverReadyRuleSchema>;
export type RequestFacts = { user: string; verb: string; resource: string; subresource?: string; namespace?: string };

export class ClusterFaults {
  private denials: DenyRule[] = [];
  private failures: FailRule[] = [];
  private neverReadyRules: NeverReadyRule[] = [];
  httpRouteCrdInstalled: boolean;

  constructor(private readonly options: { httpRouteCrd: boolean; onCrdChange: (installed: boolean) => void }) {
    this.httpRouteCrdInstalled = options.httpRouteCrd;
  }

  deny(rule: z.input<typeof denyRuleSchema>): void {
    this.denials.push(denyRuleSchema.parse(rule));
  }

  failNext(rule: z.input<typeof failRuleSchema>): void {
    this.failures.push(failRuleSchema.parse(rule));
  }

  neverReady(rule: NeverReadyRule): void {
    this.neverReadyRules.push(neverReadyRuleSchema.parse(rule));
  }

  setHttpRouteCrd(installed: boolean): void {
    if (installed === this.httpRouteCrdInstalled) return;
    this.httpRouteCrdInstalled = installed;
    this.options.onCrdChange(installed);
  }

  /** Clears every fault; the CRD goes back to how the cluster started. */
  reset(): void {
    this.denials = [];
    this.failures = [];
    this.neverReadyRules = [];
    this.setHttpRouteCrd(this.options.httpRouteCrd);
  }

  isDenied(facts: RequestFacts): boolean {
    const full = facts.subresource ? `${facts.resource}/${facts.subresource}` : facts.resource;
    return this.denials.some(
      (rule) =>
        (rule.verb === "*" || rule.verb === facts.verb) &&
        (rule.resource === "*" || rule.resource === full) &&
        (!rule.namespace || rule.namespace === facts.namespace) &&
        (!rule.user || rule.user === facts.user),
    );
  }

  /** The failure to answer this request with, if a fail-next rule matches it (and counts it down). */
  takeFailure(facts: RequestFacts): FailRule | undefined {
    const rule = this.failures.find((r) => (!r.verb || r.verb === facts.verb) && (!r.resource || r.resource === facts.resource));
    if (!rule) return undefined;
    rule.count -= 1;
    if (rule.count <= 0) this.failures = this.failures.filter((r) => r !== rule);
    return rule;
  }

  isNeverReady(pod: Pod): boolean {
    if (isNeverReadyImage(pod)) return true;
    const image = pod.spec.containers[0]?.image ?? "";
    return this.neverReadyRules.some(
      (rule) =>
        (!rule.namespace || rule.namespace === pod.metadata.namespace) &&
        (!rule.deployment || pod.metadata.name.startsWith(`${rule.deployment}-`)) &&
        (!rule.image || image.includes(rule.image)),
    );
  }
}

/** The fault controls a test holds, the same whether the cluster runs in-process or as a child process. */
export type FaultControls = {
  /** Every matching request gets 403 Forbidden naming the verb, resource and namespace. */
  deny: (rule: z.input<typeof denyRuleSchema>) => Promise<void>;
  /** The next `count` matching requests get this status (429 with Retry-After). */
  failNext: (rule: z.input<typeof failRuleSchema>) => Promise<void>;
  /** Pods created from now on that match never become ready: their rollout runs into its progress deadline. */
  neverReady: (rule: NeverReadyRule) => Promise<void>;
  /** Removing the CRD drops every HTTPRoute and the group from discovery, as deleting a real CRD does. */
  setHttpRouteCrd: (installed: boolean) => Promise<void>;
  reset: () => Promise<void>;
};

export function localFaultControls(faults: ClusterFaults): FaultControls {
  return {
    deny: async (rule) => faults.deny(rule),
    failNext: async (rule) => faults.failNext(rule),
    neverReady: async (rule) => faults.neverReady(rule),
    setHttpRouteCrd: async (installed) => faults.setHttpRouteCrd(installed),
    reset: async () => faults.reset(),
  };
}
