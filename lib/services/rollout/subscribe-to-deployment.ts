// Live updates that do not grow with the audience: each web process keeps one feed per watched deployment
// (deployment-feed.ts) and one Postgres LISTEN connection for all of them. Triggers on DeploymentEvent and
// Deployment (migration notify_deployment_changes) NOTIFY "deployment_changed" with the deployment's id when a
// change commits; the feed of that id reads once and every viewer gets the result. A viewer costs Postgres
// nothing while it watches: 100 viewers of a deployment cost what one does.
import { listenToPostgres } from "@/lib/db/listen-to-postgres";
import { createDeploymentFeed, type DeploymentFeed, type FeedUpdate } from "./deployment-feed";

export const DEPLOYMENT_CHANNEL = "deployment_changed";
/** A lost notification (the LISTEN connection dropped mid-change) costs a viewer at most this long. */
const SAFETY_POLL_MS = 5_000;

type Registry = { feeds: Map<string, DeploymentFeed>; unlisten: (() => void) | null };
const holder = globalThis as unknown as { __flightdeckFeeds?: Registry };
const registry: Registry = (holder.__flightdeckFeeds ??= { feeds: new Map(), unlisten: null });

function listen(): void {
  registry.unlisten ??= listenToPostgres(DEPLOYMENT_CHANNEL, {
    onNotification: (id) => registry.feeds.get(id)?.refresh(),
    // Whatever changed while nobody listened (first connect, reconnect after a drop) is read now.
    onConnect: () => registry.feeds.forEach((feed) => feed.refresh()),
  });
}

/** Subscribes to the deployment's feed; the feed (and, with the last feed, the LISTEN connection) ends with
 *  its last subscriber. */
export function subscribeToDeployment(
  id: string,
  onUpdate: (update: FeedUpdate) => void,
): { feed: DeploymentFeed; unsubscribe: () => void } {
  let feed = registry.feeds.get(id);
  if (!feed) {
    feed = createDeploymentFeed({ id, safetyPollMs: SAFETY_POLL_MS });
    registry.feeds.set(id, feed);
  }
  const unsubscribeFeed = feed.subscribe(onUpdate);
  listen();
  const own = feed;
  return {
    feed: own,
    unsubscribe: () => {
      unsubscribeFeed();
      if (own.subscriberCount() > 0 || registry.feeds.get(id) !== own) return;
      own.close();
      registry.feeds.delete(id);
      if (registry.feeds.size === 0) {
        registry.unlisten?.();
        registry.unlisten = null;
      }
    },
  };
}

/** How many feeds this process holds (tests and the bench check that viewers share one). */
export function countDeploymentFeeds(): number {
  return registry.feeds.size;
}
