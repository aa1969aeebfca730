// The pod-template-hash: how a Deployment's ReplicaSets are named and told apart. Like Kubernetes, an FNV-1a
// hash of the template (plus the collision count), its decimal digits mapped to a vowel-free alphabet.
import { POD_TEMPLATE_HASH_LABEL, type PodTemplateSpec } from "./kube-types";

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, "utf8")) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The template without the hash label, so a ReplicaSet's template compares equal to its Deployment's. */
export function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  }
  return copy;
}

export function podTemplateHash(template: PodTemplateSpec, collisionCount = 0): string {
  const digits = String(fnv1a32(canonical(withoutHash(template)) + (collisionCount ? String(collisionCount) : "")));
  return [...digits].map((ch) => SAFE_ALPHABET[ch.charCodeAt(0) % SAFE_ALPHABET.length]).join("");
}

/** Template equality ignoring the hash label: what finds a Deployment's current ReplicaSet, and what `rollout undo` re-uses. */
export function sameTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return canonical(withoutHash(a)) === canonical(withoutHash(b));
}
