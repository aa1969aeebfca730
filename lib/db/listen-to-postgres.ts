// One dedicated Postgres connection per process for LISTEN (a pooled connection cannot hold a LISTEN), shared
// by every subscriber of every channel. It is opened with the first subscriber and closed with the last;
// when it drops (Postgres restart, network) it reconnects every second, and each subscriber's onConnect runs
// on every (re)connect, since notifications sent while no one listened are lost. Its LISTEN and UNLISTEN
// statements run one after another (pg will no longer queue a query issued while another runs).
import pg from "pg";
import { env } from "@/lib/env";

export type ChannelHandlers = { onNotification: (payload: string) => void; onConnect?: () => void };

const RECONNECT_MS = 1_000;
/** How the connection shows in pg_stat_activity. */
export const LISTENER_NAME = "flightdeck listen";

type Listener = {
  client: pg.Client | null;
  ready: boolean;
  retry: NodeJS.Timeout | null;
  channels: Map<string, Set<ChannelHandlers>>;
  /** the connection's statements so far: the next one runs after them */
  queue: Promise<unknown>;
};
const holder = globalThis as unknown as { __flightdeckListener?: Listener };
const state: Listener = (holder.__flightdeckListener ??= {
  client: null,
  ready: false,
  retry: null,
  channels: new Map(),
  queue: Promise.resolve(),
});

const quote = (channel: string) => `"${channel.replaceAll('"', '""')}"`;

/** Runs `sql` on the connection once its earlier statements are done; a failure is handed to `onError`. */
function enqueue(client: pg.Client, sql: string, onError: (error: Error) => void): void {
  state.queue = state.queue.then(() => (state.client === client ? client.query(sql) : undefined)).catch((error: Error) => onError(error));
}

function lost(client: pg.Client, error?: Error): void {
  if (state.client !== client) return;
  state.client = null;
  state.ready = false;
  client.end().catch(() => undefined);
  if (error) console.warn(`postgres listener: connection lost (${error.message}); reconnecting`);
  if (state.channels.size > 0 && !state.retry) {
    state.retry = setTimeout(() => {
      state.retry = null;
      if (state.channels.size > 0 && !state.client) connect();
    }, RECONNECT_MS);
  }
}

function connect(): void {
  const client = new pg.Client({
    connectionString: env().DATABASE_URL,
    keepAlive: true,
    connectionTimeoutMillis: 3_000,
    application_name: LISTENER_NAME,
  });
  state.client = client;
  state.queue = Promise.resolve();
  client.on("notification", (message) => {
    if (state.client !== client) return;
    for (const handlers of state.channels.get(message.channel) ?? []) handlers.onNotification(message.payload ?? "");
  });
  client.on("error", (error) => lost(client, error));
  client.on("end", () => lost(client));
  void (async () => {
    await client.connect();
    for (const channel of state.channels.keys()) await client.query(`LISTEN ${quote(channel)}`);
    if (state.client !== client) return;
    state.ready = true;
    for (const set of state.channels.values()) for (const handlers of set) handlers.onConnect?.();
  })().catch((error: Error) => lost(client, error));
}

/** Calls `handlers.onNotification` for each NOTIFY on `channel` until the returned function is called. */
export function listenToPostgres(channel: string, handlers: ChannelHandlers): () => void {
  let set = state.channels.get(channel);
  if (!set) {
    set = new Set();
    state.channels.set(channel, set);
    const client = state.client;
    if (client && state.ready) enqueue(client, `LISTEN ${quote(channel)}`, (error) => lost(client, error));
  }
  set.add(handlers);
  if (!state.client && !state.retry) connect();
  return () => {
    set.delete(handlers);
    if (set.size > 0 || state.channels.get(channel) !== set) return;
    state.channels.delete(channel);
    if (state.channels.size > 0) {
      if (state.client && state.ready) enqueue(state.client, `UNLISTEN ${quote(channel)}`, () => undefined);
      return;
    }
    if (state.retry) clearTimeout(state.retry);
    state.retry = null;
    const client = state.client;
    state.client = null;
    state.ready = false;
    client?.end().catch(() => undefined);
  };
}
