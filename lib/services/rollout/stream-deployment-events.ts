// GET /api/v1/deployments/{id}/events as server-sent events: the timeline after the client's Last-Event-ID,
// then each new event and every change of the live state as the deployment's shared feed reads them
// (subscribe-to-deployment.ts): a viewer polls nothing itself, so viewers do not multiply Postgres's work.
// Ends after the final state of a finished deployment, when the deployment is deleted, or when the client goes.
import { LATE_COMMIT_MS, type FeedUpdate } from "./deployment-feed";
import { EVENT_PAGE, liveStateKey, readEventsAfter, type LiveEvent } from "./read-deployment-changes";
import { subscribeToDeployment } from "./subscribe-to-deployment";

const HEARTBEAT_MS = 15_000;

type Send = (chunk: string) => void;

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Resolves after `ms`, on abort, or when `arm`'s callback is called (a new update), whichever comes first. */
function wait(ms: number, signal: AbortSignal, arm: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    arm(done);
  });
}

/** Passes each event once: drops what was sent and what lies below a floor that lags the newest id seen by a
 *  few seconds (a late-committing event above the floor still gets through). */
export function createEventCursor(startAfter: bigint) {
  const sent = new Set<string>();
  const marks: { at: number; maxId: bigint }[] = [];
  let floor = startAfter;
  let maxId = startAfter;
  return {
    floor: () => floor,
    accept(events: LiveEvent[], now: number): LiveEvent[] {
      const fresh = events.filter((e) => !sent.has(e.id) && BigInt(e.id) > floor);
      for (const e of fresh) {
        sent.add(e.id);
        if (BigInt(e.id) > maxId) maxId = BigInt(e.id);
      }
      marks.push({ at: now, maxId });
      while (marks.length > 1 && now - marks[0]!.at >= LATE_COMMIT_MS) floor = marks.shift()!.maxId;
      for (const id of sent) if (BigInt(id) <= floor) sent.delete(id);
      return fresh;
    },
  };
}

async function pump({
  id,
  send,
  signal,
  lastEventId,
}: {
  id: string;
  send: Send;
  signal: AbortSignal;
  lastEventId: bigint;
}): Promise<void> {
  const cursor = createEventCursor(lastEventId);
  const updates: FeedUpdate[] = [];
  let wake: (() => void) | undefined;
  // Joined before the catch-up read, so nothing that commits in between is missed.
  const { feed, unsubscribe } = subscribeToDeployment(id, (update) => (updates.push(update), wake?.()));
  try {
    send("retry: 1000\n\n");
    // What the client has not seen yet, page by page (the feed re-reads only the last few seconds).
    let after = lastEventId;
    while (true) {
      const page = await readEventsAfter(id, after);
      for (const event of cursor.accept(page, Date.now())) send(frame("event", event, event.id));
      if (page.length < EVENT_PAGE) break;
      after = BigInt(page.at(-1)!.id);
    }
    // The first state comes from a read that started after this viewer joined.
    const joined = feed.refresh();
    let lastKey = "";
    let lastWrite = Date.now();
    while (!signal.aborted) {
      const update = updates.shift();
      if (!update) {
        if (Date.now() - lastWrite >= HEARTBEAT_MS) {
          send(": heartbeat\n\n");
          lastWrite = Date.now();
        }
        await wait(HEARTBEAT_MS - (Date.now() - lastWrite), signal, (resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if ("gone" in update) return;
      const events = cursor.accept(update.events, Date.now());
      for (const event of events) send(frame("event", event, event.id));
      if (events.length > 0) lastWrite = Date.now();
      if (update.seq < joined) continue;
      const key = liveStateKey(update.live);
      if (key !== lastKey) {
        send(frame("state", update.live));
        lastWrite = Date.now();
        lastKey = key;
      }
      if (update.live.isTerminal && !update.live.isActive) return;
    }
  } finally {
    unsubscribe();
  }
}

export function streamDeploymentEvents({
  id,
  signal,
  lastEventId,
}: {
  id: string;
  signal: AbortSignal;
  lastEventId?: string | null;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const stop = new AbortController();
  signal.addEventListener("abort", () => stop.abort(), { once: true });
  const after = lastEventId && /^\d{1,19}$/.test(lastEventId) ? BigInt(lastEventId) : 0n;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send: Send = (chunk) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(chunk));
      };
      pump({ id, send, signal: stop.signal, lastEventId: after })
        .catch((error: unknown) => {
          // The browser reconnects (retry: 1000) and resumes from its Last-Event-ID.
          if (!stop.signal.aborted) console.warn(`deployment ${id} event stream: ${(error as Error).message}`);
        })
        .finally(() => {
          if (!stop.signal.aborted) controller.close();
          stop.abort();
        });
    },
    cancel() {
      stop.abort();
    },
  });
}
