// A controller's work queue, as client-go's: a key queued many times is processed once, keys run one at a
// time off the event loop's current turn, and a key can come back after a delay (deadlines, minReadySeconds).
export type WorkQueue = {
  add: (key: string) => void;
  addAfter: (key: string, delayMs: number) => void;
  /** Resolves once nothing is queued or running (delayed keys do not count). */
  idle: () => Promise<void>;
  stop: () => void;
};

export function createWorkQueue({ name, handle }: { name: string; handle: (key: string) => void | Promise<void> }): WorkQueue {
  const queued = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  let running = false;
  let stopped = false;
  let waiters: (() => void)[] = [];

  const drain = async () => {
    if (running || stopped) return;
    running = true;
    while (queued.size > 0 && !stopped) {
      const key = queued.values().next().value!;
      queued.delete(key);
      try {
        await handle(key);
      } catch (error) {
        // A real controller logs and retries with backoff; the key is retried once the next event arrives.
        console.error(`test cluster ${name} controller: ${key}: ${(error as Error).message}`);
      }
      // Let watch streams and HTTP requests in between, as separate processes would.
      if (queued.size > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    running = false;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const add = (key: string) => {
    if (stopped) return;
    queued.add(key);
    if (!running) setImmediate(() => void drain());
  };

  return {
    add,
    addAfter: (key, delayMs) => {
      if (stopped || timers.has(key)) return;
      const timer = setTimeout(
        () => {
          timers.delete(key);
          add(key);
        },
        Math.max(0, delayMs),
      );
      timer.unref();
      timers.set(key, timer);
    },
    idle: () => (queued.size === 0 && !running ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
    stop: () => {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      queued.clear();
    },
  };
}
