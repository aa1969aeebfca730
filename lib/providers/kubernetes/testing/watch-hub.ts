// Watch fan-out with a bounded history per resource, so a watch can resume from a resourceVersion the way
// a real API server's watch cache allows: events newer than it are replayed, and a version older than the
// history answers 410 Expired (the client then lists again).
import { kubeErrors } from "./kube-status-error";
import type { KubeObject } from "./kube-types";

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";
export type StoreEvent = { type: WatchEventType; resourceKey: string; rv: number; object: KubeObject; previous?: KubeObject };
export type Delivered = { type: WatchEventType; object: KubeObject };

export type WatchSubscription = {
  resourceKey: string;
  /** Whether an object belongs to this watch (namespace, label and field selectors). */
  matches: (object: KubeObject) => boolean;
  send: (event: Delivered) => void;
};

type History = { events: StoreEvent[]; compactedRv: number };

export class WatchHub {
  private readonly histories = new Map<string, History>();
  private readonly subscribers = new Map<string, Set<WatchSubscription>>();

  constructor(private readonly historyLimit: number) {}

  publish(event: StoreEvent): void {
    const history = this.historyOf(event.resourceKey);
    history.events.push(event);
    if (history.events.length > this.historyLimit) history.compactedRv = history.events.shift()!.rv;
    for (const subscriber of this.subscribers.get(event.resourceKey) ?? []) deliver(subscriber, event);
  }

  /** Replays what happened after `fromRv` (410 if it is older than the history), then delivers live. */
  subscribe(subscription: WatchSubscription, fromRv: number | undefined): () => void {
    if (fromRv !== undefined) {
      const history = this.historyOf(subscription.resourceKey);
      if (fromRv < history.compactedRv) throw kubeErrors.gone(`too old resource version: ${fromRv} (${history.compactedRv + 1})`);
      for (const event of history.events) if (event.rv > fromRv) deliver(subscription, event);
    }
    const set = this.subscribers.get(subscription.resourceKey) ?? new Set();
    set.add(subscription);
    this.subscribers.set(subscription.resourceKey, set);
    return () => set.delete(subscription);
  }

  watcherCount(): number {
    return [...this.subscribers.values()].reduce((sum, set) => sum + set.size, 0);
  }

  private historyOf(resourceKey: string): History {
    let history = this.histories.get(resourceKey);
    if (!history) {
      history = { events: [], compactedRv: 0 };
      this.histories.set(resourceKey, history);
    }
    return history;
  }
}

/** An object moving into a selector's view is ADDED to that watch, and one moving out is DELETED, as in Kubernetes. */
function deliver(subscriber: WatchSubscription, event: StoreEvent): void {
  const now = subscriber.matches(event.object);
  if (event.type !== "MODIFIED") {
    if (now) subscriber.send({ type: event.type, object: event.object });
    return;
  }
  const before = event.previous ? subscriber.matches(event.previous) : false;
  if (now && before) subscriber.send({ type: "MODIFIED", object: event.object });
  else if (now) subscriber.send({ type: "ADDED", object: event.object });
  else if (before) subscriber.send({ type: "DELETED", object: event.object });
}
