// The cluster's state (what etcd holds in a real one): objects per resource, one global resourceVersion
// counter, generation bumps on spec changes, optimistic concurrency, and an index of dependents by owner.
import { randomBytes, randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import type { ResourceKind } from "./resource-kinds";
import { type StoreEvent, WatchHub } from "./watch-hub";

/** RFC 3339 to the second, as Kubernetes writes timestamps. */
export function kubeTime(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function resourceKeyOf(resource: ResourceKind): string {
  return `${resource.group || "core"}/${resource.plural}`;
}

const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
/** Five characters from the alphabet Kubernetes uses for generated names (no vowels, no look-alikes). */
export function randomSuffix(length = 5): string {
  return [...randomBytes(length)].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join("");
}

function specOf(object: KubeObject): unknown {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return rest;
}

export class ObjectStore {
  readonly hub: WatchHub;
  private rv = 0;
  private readonly objects = new Map<string, Map<string, KubeObject>>();
  private readonly dependents = new Map<string, Set<string>>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();

  constructor({ historyLimit = 5_000 }: { historyLimit?: number } = {}) {
    this.hub = new WatchHub(historyLimit);
  }

  currentRv(): string {
    return String(this.rv);
  }

  /** Controllers react to every change; listeners run synchronously after the watchers got the event. */
  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(resource: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.bucket(resource).get(`${namespace ?? ""}/${name}`);
  }

  list(resource: ResourceKind, namespace?: string): KubeObject[] {
    const all = [...this.bucket(resource).values()];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  /** The objects of `resource` that name `ownerUid` among their ownerReferences. */
  listOwned(resource: ResourceKind, ownerUid: string): KubeObject[] {
    const keys = this.dependents.get(ownerUid) ?? new Set();
    const prefix = `${resourceKeyOf(resource)} `;
    return [...keys].filter((k) => k.startsWith(prefix)).flatMap((k) => this.bucket(resource).get(k.slice(prefix.length)) ?? []);
  }

  create(resource: ResourceKind, input: KubeObject): KubeObject {
    const meta = input.metadata;
    const name = meta.name || `${meta.generateName ?? ""}${randomSuffix()}`;
    const key = `${meta.namespace ?? ""}/${name}`;
    if (this.bucket(resource).has(key)) throw kubeErrors.alreadyExists(resource, name);
    const object: KubeObject = structuredClone({ ...input, metadata: { ...meta, name } });
    object.metadata.uid = randomUUID();
    object.metadata.creationTimestamp = kubeTime();
    if (resource.hasGeneration) object.metadata.generation = 1;
    return this.commit(resource, "ADDED", object);
  }

  /** Replaces the object; a resourceVersion in `input` that is not the current one is a 409 Conflict. */
  update(resource: ResourceKind, input: KubeObject): KubeObject {
    const current = this.get(resource, input.metadata.namespace, input.metadata.name);
    if (!current) throw kubeErrors.notFound(resource, input.metadata.name);
    if (input.metadata.resourceVersion && input.metadata.resourceVersion !== current.metadata.resourceVersion) {
      throw kubeErrors.conflict(resource, input.metadata.name);
    }
    const object: KubeObject = structuredClone(input);
    const { uid, creationTimestamp, generation } = current.metadata;
    Object.assign(object.metadata, { uid, creationTimestamp });
    if (resource.hasGeneration)
      object.metadata.generation = (generation ?? 1) + (isDeepStrictEqual(specOf(current), specOf(object)) ? 0 : 1);
    if (
      isDeepStrictEqual(
        { ...object, metadata: { ...object.metadata, resourceVersion: "" } },
        { ...current, metadata: { ...current.metadata, resourceVersion: "" } },
      )
    ) {
      return current; // A no-op write keeps its resourceVersion and wakes no watcher, like a real API server.
    }
    return this.commit(resource, "MODIFIED", object, current);
  }

  delete(resource: ResourceKind, namespace: string | undefined, name: string): KubeObject {
    const current = this.get(resource, namespace, name);
    if (!current) throw kubeErrors.notFound(resource, name);
    return this.commit(resource, "DELETED", structuredClone(current), current);
  }

  private commit(resource: ResourceKind, type: StoreEvent["type"], object: KubeObject, previous?: KubeObject): KubeObject {
    this.rv += 1;
    object.metadata.resourceVersion = String(this.rv);
    const resourceKey = resourceKeyOf(resource);
    const key = `${object.metadata.namespace ?? ""}/${object.metadata.name}`;
    for (const ref of previous?.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(`${resourceKey} ${key}`);
    if (type === "DELETED") this.bucket(resource).delete(key);
    else {
      this.bucket(resource).set(key, object);
      for (const ref of object.metadata.ownerReferences ?? []) {
        const set = this.dependents.get(ref.uid) ?? new Set();
        set.add(`${resourceKey} ${key}`);
        this.dependents.set(ref.uid, set);
      }
    }
    const event: StoreEvent = { type, resourceKey, rv: this.rv, object, previous };
    this.hub.publish(event);
    for (const listener of this.listeners) listener(event);
    return object;
  }

  private bucket(resource: ResourceKind): Map<string, KubeObject> {
    const key = resourceKeyOf(resource);
    let bucket = this.objects.get(key);
    if (!bucket) {
      bucket = new Map();
      this.objects.set(key, bucket);
    }
    return bucket;
  }
}
