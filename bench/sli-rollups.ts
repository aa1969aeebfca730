// The SLI history's cost: what one target's rollups take in Postgres per day and at full retention (48 h of
// minute rows, 35 days of hour rows), and the writer's time per target per minute — every target's window
// read over HTTP from a real local supervisor, then one batched insert — at 500 services × 5 environments,
// against the bare supervisor read measured in the same run; then the hour fold and the prune at that size.
import { getDb } from "@/lib/db";
import { LocalProvider } from "@/lib/providers/local/local-provider";
import { release, sampleTarget, waitForRevision } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { readWindowFromSupervisor } from "@/lib/metrics/local/local-metrics-source";
import { freePort } from "@/lib/testing/own-redis";
import { ms, percentile, startBenchStack } from "./bench-stack";

const SERVICES = 500;
const ENVIRONMENTS = 5;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function createCatalog(): Promise<string[]> {
  const db = getDb();
  const envs = await Promise.all(
    Array.from({ length: ENVIRONMENTS }, (_, i) =>
      db.environment.create({ data: { slug: `e${i}`, name: `Env ${i}`, promotionOrder: i + 1 } }),
    ),
  );
  await db.service.createMany({
    data: Array.from({ length: SERVICES }, (_, i) => ({ id: `s${i}`, slug: `svc-${i}`, name: `Service ${i}` })),
  });
  const targets = envs.flatMap((e) =>
    Array.from({ length: SERVICES }, (_, i) => ({ id: `t${i}-${e.slug}`, serviceId: `s${i}`, environmentId: e.id, currentRevision: "r1" })),
  );
  await db.target.createMany({ data: targets });
  return targets.map((t) => t.id);
}

/** Bytes per row of SliRollup (table, index and TOAST) at full retention for `targets` targets. */
async function measureStorage(targets: string[]): Promise<{ rows: number; bytes: number; table: number; indexes: number }> {
  const db = getDb();
  const now = Math.floor(Date.now() / MINUTE) * MINUTE;
  const latency = [0, 0, 12, 40, 120, 80, 30, 10, 3, 1, 0, 0, 0, 0];
  for (const targetId of targets) {
    const minutes = Array.from({ length: 48 * 60 }, (_, i) => ({
      bucketStart: new Date(now - (i + 1) * MINUTE),
      resolution: "minute" as const,
      requests: 300,
      errors: 1,
    }));
    const hours = Array.from({ length: 35 * 24 }, (_, i) => ({
      bucketStart: new Date(Math.floor(now / HOUR) * HOUR - (i + 1) * HOUR),
      resolution: "hour" as const,
      requests: 18_000,
      errors: 40,
    }));
    await db.sliRollup.createMany({
      data: [...minutes, ...hours].map((r) => ({ ...r, targetId, latencyCounts: latency, cpuPercent: 21.5, memoryPercent: 43.2 })),
    });
  }
  await db.$executeRawUnsafe(`VACUUM ANALYZE "SliRollup"`);
  const [measured] = await db.$queryRawUnsafe<{ bytes: bigint; rows: bigint; table: bigint; indexes: bigint }[]>(
    `SELECT pg_total_relation_size('"SliRollup"') AS bytes, pg_table_size('"SliRollup"') AS "table", pg_indexes_size('"SliRollup"') AS indexes,
            (SELECT count(*) FROM "SliRollup") AS rows`,
  );
  const m = measured!;
  return { rows: Number(m.rows), bytes: Number(m.bytes), table: Number(m.table), indexes: Number(m.indexes) };
}

/** The SLO list's first page and the health check through their route handlers, alternately, 30 times each. */
async function timeSlosPage(): Promise<{ slos: number[]; health: number[] }> {
  const { createPerson } = await import("@/lib/testing/release-fixtures");
  const slosRoute = await import("@/app/api/v1/slos/route");
  const healthRoute = await import("@/app/api/v1/health/route");
  const viewer = await createPerson("viewer", "Bench Viewer");
  const context = { params: Promise.resolve({}) };
  // The health check answers 503 here (the bench runs no worker) after the same three checks it always makes.
  const timed = async (run: () => Promise<Response>, statuses = [200]) => {
    const start = performance.now();
    const response = await run();
    if (!statuses.includes(response.status)) throw new Error(`answered ${response.status}: ${await response.text()}`);
    await response.json();
    return performance.now() - start;
  };
  const result = { slos: [] as number[], health: [] as number[] };
  for (let i = 0; i < 30; i++) {
    result.health.push(await timed(() => healthRoute.GET(new Request("http://bench/api/v1/health"), context), [200, 503]));
    const request = new Request("http://bench/api/v1/slos?pageSize=50", { headers: { authorization: `Bearer ${viewer.token}` } });
    result.slos.push(await timed(() => slosRoute.GET(request, context)));
  }
  return result;
}

export async function benchSliRollups(): Promise<Record<string, string>> {
  const stack = await startBenchStack("sli");
  try {
    const { recordSliMinutes } = await import("@/lib/services/sli/record-sli-minutes");
    const { rollUpSliHours } = await import("@/lib/services/sli/roll-up-sli-hours");
    const { pruneSliRollups } = await import("@/lib/services/sli/prune-sli-rollups");
    const db = getDb();
    const targetIds = await createCatalog();

    // One real supervisor with a serving revision and real traffic; every target's window is read from it.
    const stateDir = stack.env.LOCAL_PROVIDER_STATE_DIR!;
    const provider = new LocalProvider({ stateDir });
    const real = sampleTarget({ id: "bench-real", port: await freePort() });
    await provider.startRevision({ target: real, revision: "r1", release: release("1.0.0"), env: {} });
    await waitForRevision({ provider, target: real, name: "r1" });
    const { url } = await provider.setTraffic({ target: real, weights: { r1: 100 } });
    await sendRequests({ url: `${url}/work`, count: 300, concurrency: 10 });
    const supervisor = readWindowFromSupervisor({ stateDir });
    const readWindow: typeof supervisor = (o) => supervisor({ ...o, targetId: real.id });

    const bare: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await readWindow({ targetId: real.id, seconds: 60, endMs: Date.now() });
      bare.push(performance.now() - start);
    }

    const now = new Date();
    const writeStart = performance.now();
    const written = await recordSliMinutes({ now, lookbackMinutes: 1, readWindow });
    const writeMs = performance.now() - writeStart;
    if (written.written !== targetIds.length)
      throw new Error(`wrote ${written.written} rows for ${targetIds.length} targets: ${JSON.stringify(written.failed[0])}`);

    // An hour of minute rows for every target, then the hour fold over all of them.
    const hourStart = Math.floor(now.getTime() / HOUR) * HOUR - HOUR;
    await db.$executeRawUnsafe(
      `INSERT INTO "SliRollup" ("targetId", resolution, "bucketStart", requests, errors, "latencyCounts", "cpuPercent", "memoryPercent")
       SELECT t.id, 'minute', to_timestamp(${hourStart / 1000} + m * 60) AT TIME ZONE 'UTC', 300, 1, '{0,0,12,40,120,80,30,10,3,1,0,0,0,0}', 20, 40
       FROM "Target" t, generate_series(0, 59) m ON CONFLICT DO NOTHING`,
    );
    const foldStart = performance.now();
    const folded = await rollUpSliHours({ now, hoursBack: 1 });
    const foldMs = performance.now() - foldStart;
    const pruneStart = performance.now();
    await pruneSliRollups({ now: new Date(now.getTime() + 72 * HOUR) });
    const pruneMs = performance.now() - pruneStart;

    await db.sliRollup.deleteMany({});
    // The first page of GET /api/v1/slos gets the full history, so the page is timed at its worst.
    const firstPage = await db.target.findMany({
      orderBy: [{ service: { slug: "asc" } }, { environment: { promotionOrder: "asc" } }],
      take: 50,
      select: { id: true },
    });
    const sample = firstPage.map((t) => t.id);
    const storage = await measureStorage(sample);
    const api = await timeSlosPage();
    const perRow = storage.bytes / storage.rows;
    const perDay = perRow * (24 * 60 + 24);
    const retained = perRow * (48 * 60 + 35 * 24);
    return {
      "bare supervisor window read (p50 / p95)": `${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))}`,
      [`writer, ${targetIds.length} targets (${SERVICES} services × ${ENVIRONMENTS} environments), one minute`]: `${ms(writeMs)} wall, ${((writeMs / targetIds.length) * 1000).toFixed(0)} µs per target (≈ ${(writeMs / percentile(bare, 50) / targetIds.length).toFixed(2)}× one bare read, 8 reads in flight)`,
      [`hour fold of ${targetIds.length} × 60 minute rows`]: `${ms(foldMs)} (${folded} hour rows)`,
      "prune at that size": ms(pruneMs),
      "storage per row (table + primary key + index)": `${perRow.toFixed(0)} B: table ${(storage.table / storage.rows).toFixed(0)} B, indexes ${(storage.indexes / storage.rows).toFixed(0)} B (${storage.rows} rows of ${sample.length} targets, ${(storage.bytes / 2 ** 20).toFixed(1)} MiB)`,
      "GET /api/v1/slos, a page of 50 targets at full retention (p50 / p95)": `${ms(percentile(api.slos, 50))} / ${ms(percentile(api.slos, 95))} against GET /api/v1/health ${ms(percentile(api.health, 50))} / ${ms(percentile(api.health, 95))} (p95 ${(percentile(api.slos, 95) / percentile(api.health, 95)).toFixed(1)}×)`,
      "storage per target per day written (1,440 minute + 24 hour rows)": `${(perDay / 1024).toFixed(0)} KiB`,
      "storage per target at full retention (48 h minutes + 35 d hours)": `${(retained / 1024).toFixed(0)} KiB; ${((retained * targetIds.length) / 2 ** 30).toFixed(2)} GiB for ${targetIds.length} targets`,
    };
  } finally {
    await stack.close();
  }
}
