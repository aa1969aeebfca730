// GET /api/v1/deployments/{id}/events as server-sent events: the timeline so far, then each new event and
// every change of the live state, polled from Postgres every 250 ms (the truth, whichever process wrote it).
// Ends after the final state of a finished deployment, or when the client goes away.
import { readEventsAfter, readLiveState, liveStateKey, type LiveEvent } from "./read-deployment-changes";

const POLL_MS = 250;
const HEARTBEAT_MS = 15_000;
/** Event ids are taken at insert but transactions commit in any order, so the newest few seconds are re-read. */
const LATE_COMMIT_MS = 3_000;

type Send = (chunk: string) => void;

function frame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/** Reads from a floor that lags the newest id by a few seconds and drops what was already sent. */
export function createEventCursor(startAfter: bigint) {
  const sent = new Set<string>();
  const marks: { at: number; maxId: bigint }[] = [];
  let floor = startAfter;
  let maxId = startAfter;
  return {
    floor: () => floor,
    accept(events: LiveEvent[], now: number): LiveEvent[] {
      const fresh = events.filter((e) => !sent.has(e.id));
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
  let lastKey = "";
  let lastWrite = Date.now();
  send("retry: 1000\n\n");
  while (!signal.aborted) {
    // State first, then events: whatever committed before the state was read is in the events read after it.
    const live = await readLiveState(id);
    const events = cursor.accept(await readEventsAfter(id, cursor.floor()), Date.now());
    for (const event of events) send(frame("event", event, event.id));
    const key = liveStateKey(live);
    if (key !== lastKey) send(frame("state", live));
    if (events.length > 0 || key !== lastKey) lastWrite = Date.now();
    lastKey = key;
    if (live.isTerminal && !live.isActive) return;
    if (Date.now() - lastWrite >= HEARTBEAT_MS) {
      send(": heartbeat\n\n");
      lastWrite = Date.now();
    }
    await sleep(POLL_MS, signal);
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
