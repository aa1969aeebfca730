// The Overview and the SLO pages at scale: 500 services × 5 environments (2,500 targets), 20,000 deployments,
// 1,000,000 deployment events, and the full SLI history of every target — 48 h of minute rollups and 35 days of
// hour rollups (9.3 million rows, bench/seed-sli-history.ts, a few targets unhealthy) with open alerts on
// some — written straight to Postgres. GET /api/v1/overview — its first page (100 services, as the page asks),
// all 500 on one page, searched, one environment and owner, only unhealthy —, GET /api/v1/slos (its first page
// of 50 targets; production's last page of 100) and GET /api/v1/insights (every production deploy of 30 days)
// are timed over real HTTP through their route handlers, each against GET /api/v1/health in the same run,
// requests interleaved. Target: overview p95 < 100 ms. Then the Overview page, its "only unhealthy" view and
// the SLO list page in Chromium against the built app, health fetched in the same rounds.
//   npm run bench -- overview      (REQUESTS=200, PAGE_LOADS=20 by default)
import pg from "pg";
import { generateApiToken } from "@/lib/auth/api-token";
import { startBenchStack, ms, percentile } from "./bench-stack";
import { seedSliHistory } from "./seed-sli-history";
import { measurePages, summarize } from "./overview-page";
import { serveRoute } from "@/lib/testing/serve-route";

const REQUESTS = Number(process.env.REQUESTS ?? 200);
const PAGE_LOADS = Number(process.env.PAGE_LOADS ?? 20);
const PASSWORD = "bench-password-0123";
const SERVICES = 500;
const ENVIRONMENTS = 5;
const DEPLOYS_PER_TARGET = 8;
const EVENTS_PER_DEPLOYMENT = 50;

/** Bulk history as the engine leaves it; triggers off for the load (the NOTIFY per event is not what is measured). */
export async function seed(databaseUrl: string, tokenHash: string, prefix: string, passwordHash: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SET session_replication_role = replica`);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash") VALUES ('bench-user', 'bench@bench.test', 'Bench', 'viewer', $1)`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO "ApiToken" (id, name, prefix, "tokenHash", role, "ownerId") VALUES ('bench-token', 'bench', $1, $2, 'viewer', 'bench-user')`,
      [prefix, tokenHash],
    );
    await client.query(`INSERT INTO "Environment" (id, slug, name, "promotionOrder", "isProduction")
      SELECT 'env-' || e, 'env-' || e, 'Environment ' || e, e * 10, e = ${ENVIRONMENTS} FROM generate_series(1, ${ENVIRONMENTS}) e`);
    await client.query(`INSERT INTO "Service" (id, slug, name, owner)
      SELECT 'svc-' || s, 'svc-' || lpad(s::text, 3, '0'), 'Service ' || lpad(s::text, 3, '0'), 'team-' || (s % 20)
      FROM generate_series(1, ${SERVICES}) s`);
    await client.query(`INSERT INTO "Target" (id, "serviceId", "environmentId", "currentRevision")
      SELECT 't-' || s || '-' || e, 'svc-' || s, 'env-' || e, 'rev-${DEPLOYS_PER_TARGET}'
      FROM generate_series(1, ${SERVICES}) s, generate_series(1, ${ENVIRONMENTS}) e`);
    await client.query(`INSERT INTO "Release" (id, "serviceId", version, image, digest, "authorId", "createdAt", "committedAt")
      SELECT 'r-' || s || '-' || v, 'svc-' || s, '1.' || v || '.0', 'img:1.' || v, 'sha256:' || md5(s || '-' || v), 'bench-user',
             now() - (${DEPLOYS_PER_TARGET} - v) * interval '3 days' - interval '1 hour',
             now() - (${DEPLOYS_PER_TARGET} - v) * interval '3 days' - interval '4 hours'
      FROM generate_series(1, ${SERVICES}) s, generate_series(1, ${DEPLOYS_PER_TARGET}) v`);
    // every fourth deploy reverted by the rollout, the rest succeeded, minutes apart per environment
    await client.query(`INSERT INTO "Deployment" (id, "releaseId", "targetId", kind, strategy, state, revision, "trafficPercent",
                                          "createdAt", "startedAt", "finishedAt", "updatedAt")
      SELECT 'd-' || s || '-' || e || '-' || v, 'r-' || s || '-' || v, 't-' || s || '-' || e, 'deploy', 'canary',
             CASE WHEN v % 4 = 0 THEN 'rolled_back'::"DeploymentState" ELSE 'succeeded'::"DeploymentState" END, 'rev-' || v, 100,
             t0, t0, t0 + interval '6 minutes', t0 + interval '6 minutes'
      FROM generate_series(1, ${SERVICES}) s, generate_series(1, ${ENVIRONMENTS}) e, generate_series(1, ${DEPLOYS_PER_TARGET}) v,
           LATERAL (SELECT now() - (${DEPLOYS_PER_TARGET} - v) * interval '3 days' + e * interval '10 minutes' AS t0) times`);
    await client.query(`INSERT INTO "DeploymentEvent" ("deploymentId", type, message, "createdAt")
      SELECT d.id, CASE WHEN n = ${EVENTS_PER_DEPLOYMENT} AND d.state = 'rolled_back' THEN 'error' ELSE 'traffic_set' END,
             'bench event ' || n, d."createdAt" + n * interval '5 seconds'
      FROM "Deployment" d, generate_series(1, ${EVENTS_PER_DEPLOYMENT}) n`);
    await client.query(
      `UPDATE "Target" t SET "currentReleaseId" = 'r-' || substring(t."serviceId" from 5) || '-${DEPLOYS_PER_TARGET - 1}'`,
    );
    const sli = await seedSliHistory(client);
    // as autovacuum leaves a table at rest: statistics and the visibility map (index-only scans)
    await client.query(`VACUUM ANALYZE`);
    return sli;
  } finally {
    await client.end();
  }
}

async function time(url: string, token: string | null): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await response.arrayBuffer();
  if (response.status >= 500 && response.status !== 503) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

export async function benchOverviewScale(): Promise<Record<string, string>> {
  const stack = await startBenchStack("overview");
  try {
    const { token, prefix, tokenHash } = generateApiToken();
    const seeding = performance.now();
    const { hashPassword } = await import("@/lib/auth/password");
    const sli = await seed(stack.env.DATABASE_URL!, tokenHash, prefix, await hashPassword(PASSWORD));
    const seededMs = performance.now() - seeding;
    const { getOverview } = await import("@/lib/services/get-overview");
    const unhealthyServices = (await getOverview({ unhealthy: true })).matchingServices;
    if (unhealthyServices === 0) throw new Error("the seeded history left no unhealthy cell");
    stack.startWorker();
    const servers = {
      health: await serveRoute({ handler: (await import("@/app/api/v1/health/route")).GET, params: () => ({}) }),
      overview: await serveRoute({ handler: (await import("@/app/api/v1/overview/route")).GET, params: () => ({}) }),
      insights: await serveRoute({ handler: (await import("@/app/api/v1/insights/route")).GET, params: () => ({}) }),
      slos: await serveRoute({ handler: (await import("@/app/api/v1/slos/route")).GET, params: () => ({}) }),
    };
    const cases = {
      health: { url: `${servers.health.url}/api/v1/health`, token: null },
      overview: { url: `${servers.overview.url}/api/v1/overview`, token },
      "overview, all 500 on one page": { url: `${servers.overview.url}/api/v1/overview?pageSize=500`, token },
      "overview ?q=": { url: `${servers.overview.url}/api/v1/overview?q=service%2012`, token },
      "overview ?environment=": { url: `${servers.overview.url}/api/v1/overview?environment=env-5&owner=team-3`, token },
      "overview ?unhealthy=true": { url: `${servers.overview.url}/api/v1/overview?unhealthy=true`, token },
      "slos (first page, 50 targets)": { url: `${servers.slos.url}/api/v1/slos`, token },
      "slos (production, 100 a page, page 5 of 5)": { url: `${servers.slos.url}/api/v1/slos?environment=env-5&pageSize=100&page=5`, token },
      "insights (production, 30 d)": { url: `${servers.insights.url}/api/v1/insights?range=30d`, token },
    };
    const timings = Object.fromEntries(Object.keys(cases).map((name) => [name, [] as number[]]));
    for (const { url, token: t } of Object.values(cases)) for (let i = 0; i < 10; i += 1) await time(url, t); // warm-up
    for (let i = 0; i < REQUESTS; i += 1) {
      for (const [name, { url, token: t }] of Object.entries(cases)) timings[name]!.push(await time(url, t));
    }
    await Promise.all(Object.values(servers).map((s) => s.close()));
    const healthP95 = percentile(timings.health!, 95);
    const figures: Record<string, string> = {
      history: `${SERVICES} services × ${ENVIRONMENTS} environments, ${SERVICES * ENVIRONMENTS * DEPLOYS_PER_TARGET} deployments, ${
        SERVICES * ENVIRONMENTS * DEPLOYS_PER_TARGET * EVENTS_PER_DEPLOYMENT
      } events, ${sli.minutes.toLocaleString("en")} minute and ${sli.hours.toLocaleString("en")} hour SLI rollups, ${
        sli.openAlerts
      } open alerts (written in ${(seededMs / 1000).toFixed(1)} s); ${unhealthyServices} services with an unhealthy cell`,
    };
    for (const [name, values] of Object.entries(timings)) {
      const p95 = percentile(values, 95);
      figures[`${name} p50 / p95`] =
        `${ms(percentile(values, 50))} / ${ms(p95)}${name === "health" ? "" : ` (${(p95 / healthP95).toFixed(1)}× health)`}`;
    }
    figures["overview p95 against the 100 ms target"] = percentile(timings.overview!, 95) < 100 ? "met" : "missed";
    const loads = await measurePages({
      env: stack.env,
      email: "bench@bench.test",
      password: PASSWORD,
      pages: [
        { name: "Overview page (first 100 services shown)", path: "/overview", table: "Services by environment", rows: 100 },
        {
          name: `Overview page, only unhealthy (${unhealthyServices} services shown)`,
          path: "/overview?unhealthy=true",
          table: "Services by environment",
          rows: unhealthyServices,
        },
        { name: "SLO list page (first 50 targets shown)", path: "/slos", table: "SLOs by service and environment", rows: 50 },
      ],
      rounds: PAGE_LOADS,
    });
    for (const [name, timed] of Object.entries(loads)) {
      const [page, health] = [summarize(timed.page), summarize(timed.health)];
      figures[`${name} in Chromium p50 / p95`] =
        `${ms(page.p50)} / ${ms(page.p95)} (${(page.p95 / health.p95).toFixed(1)}× health p95 ${ms(health.p95)}, ${PAGE_LOADS} loads; ${percentile(timed.requests, 50)} requests a load until then, ${percentile(timed.requestsAfter, 50)} in the 2 s after)`;
    }
    return figures;
  } finally {
    await stack.close();
  }
}
