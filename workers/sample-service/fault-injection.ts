// The per-release misbehaviour knobs that make a bad release demonstrable: errors, latency, memory growth.

/**
 * Decides which requests fail so that exactly `rate` of them do, spread evenly rather than at random:
 * a test of "ERROR_RATE=0.5 shows in the 5xx counts" then never flakes on a lucky streak.
 */
export function createErrorSchedule(rate: number): () => boolean {
  let seen = 0;
  let failed = 0;
  return () => {
    seen += 1;
    if (failed < rate * seen) {
      failed += 1;
      return true;
    }
    return false;
  };
}

export function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/**
 * Holds on to `mbPerMinute` of touched memory per minute (in 1 s slices), so that RSS really grows the
 * way a leak does. Returns a stop function.
 */
export function startMemoryGrowth(mbPerMinute: number): () => void {
  if (mbPerMinute <= 0) return () => {};
  const leak: Buffer[] = [];
  const bytesPerSecond = Math.round((mbPerMinute * 1024 * 1024) / 60);
  const timer = setInterval(() => leak.push(Buffer.alloc(bytesPerSecond, 1)), 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    leak.length = 0;
  };
}
