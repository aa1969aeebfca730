// Real HTTP load for the local provider's integration tests: counts which revision answered (by the
// sample service's `x-revision` header) and every failure, with the time each response arrived.
export type LoadResult = {
  byRevision: Record<string, number>;
  failures: number;
  /** Per response: when its request was sent and answered (performance.now()), and who answered. */
  samples: { sentAt: number; answeredAt: number; revision: string | null; ok: boolean }[];
};

async function sendOne(url: string, result: LoadResult): Promise<void> {
  const sentAt = performance.now();
  let revision: string | null = null;
  let ok = false;
  try {
    const res = await fetch(url);
    await res.arrayBuffer();
    revision = res.headers.get("x-revision");
    ok = res.ok;
  } catch {
    ok = false;
  }
  if (revision) result.byRevision[revision] = (result.byRevision[revision] ?? 0) + 1;
  if (!ok) result.failures += 1;
  result.samples.push({ sentAt, answeredAt: performance.now(), revision, ok });
}

/** Sends `count` GET requests to `url`, `concurrency` in flight at a time. */
export async function sendRequests({
  url,
  count,
  concurrency = 20,
}: {
  url: string;
  count: number;
  concurrency?: number;
}): Promise<LoadResult> {
  const result: LoadResult = { byRevision: {}, failures: 0, samples: [] };
  let next = 0;
  const lane = async () => {
    while (next < count) {
      next += 1;
      await sendOne(url, result);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return result;
}

/** Keeps `concurrency` requests in flight until the returned stop() is called; stop() resolves with the result. */
export function startSteadyLoad({ url, concurrency = 20 }: { url: string; concurrency?: number }): { stop: () => Promise<LoadResult> } {
  const result: LoadResult = { byRevision: {}, failures: 0, samples: [] };
  let running = true;
  const lane = async () => {
    while (running) await sendOne(url, result);
  };
  const lanes = Promise.all(Array.from({ length: concurrency }, lane));
  return {
    stop: async () => {
      running = false;
      await lanes;
      return result;
    },
  };
}
