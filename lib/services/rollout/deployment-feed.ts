// One live feed per deployment per web process, shared by every viewer of it: on each change notification
// (and on a slow safety poll, in case a notification was lost) it reads the live state and the recent
// events once and hands the same result to every viewer. Reads are coalesced: a change that arrives during
// a read causes exactly one more read after it, never a queue of them.
import { isAppError } from "@/lib/api/app-error";
import { readEventsAfter, readLiveState, readRecentEventFloor, type LiveEvent, type LiveState } from "./read-deployment-changes";

/** Event ids are taken at insert but transactions commit in any order, so the newest few seconds are re-read. */
export const LATE_COMMIT_MS = 3_000;

export type FeedUpdate =
  /** `seq` numbers reads in the order they started: a viewer ignores the state of reads older than its join. */
  { seq: number; live: LiveState; events: LiveEvent[] } | { seq: number; gone: true };

export type DeploymentFeed = {
  /** Asks for a read that starts after this call; resolves nothing, returns the seq that read will carry. */
  refresh: () => number;
  subscribe: (onUpdate: (update: FeedUpdate) => void) => () => void;
  subscriberCount: () => number;
  close: () => void;
};

export function createDeploymentFeed({ id, safetyPollMs }: { id: string; safetyPollMs: number }): DeploymentFeed {
  const subscribers = new Set<(update: FeedUpdate) => void>();
  const marks: { at: number; maxId: bigint }[] = [];
  let floor: bigint | undefined;
  let seq = 0;
  let reading = false;
  let again = false;

  /** The floor lags the newest id seen by LATE_COMMIT_MS, like each viewer's cursor. */
  function advanceFloor(events: LiveEvent[], now: number): void {
    const maxId = events.reduce((max, e) => (BigInt(e.id) > max ? BigInt(e.id) : max), marks.at(-1)?.maxId ?? floor ?? 0n);
    marks.push({ at: now, maxId });
    while (marks.length > 1 && now - marks[0]!.at >= LATE_COMMIT_MS) floor = marks.shift()!.maxId;
  }

  async function readOnce(): Promise<void> {
    const current = (seq += 1);
    try {
      floor ??= await readRecentEventFloor(id, LATE_COMMIT_MS);
      // State first, then events: whatever committed before the state was read is in the events read after it.
      const live = await readLiveState(id);
      const events = await readEventsAfter(id, floor);
      advanceFloor(events, Date.now());
      for (const onUpdate of subscribers) onUpdate({ seq: current, live, events });
    } catch (error) {
      if (isAppError(error) && error.code === "not_found") for (const onUpdate of subscribers) onUpdate({ seq: current, gone: true });
      // Postgres away: the viewers keep their streams, and the next notification or safety poll reads again.
      else console.warn(`deployment ${id} live feed: ${(error as Error).message}`);
    }
  }

  function refresh(): number {
    if (reading) {
      again = true;
      return seq + 1;
    }
    reading = true;
    void (async () => {
      do {
        again = false;
        await readOnce();
      } while (again && subscribers.size > 0);
      reading = false;
    })();
    return seq;
  }

  const poll = setInterval(refresh, safetyPollMs);
  poll.unref?.();
  return {
    refresh,
    subscribe(onUpdate) {
      subscribers.add(onUpdate);
      return () => subscribers.delete(onUpdate);
    },
    subscriberCount: () => subscribers.size,
    close: () => clearInterval(poll),
  };
}
