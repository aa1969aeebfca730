// POST /api/v1/integrations/alertmanager against real Alertmanager (Debian's prometheus-alertmanager): alerts
// it fires arrive through its webhook with the API token in its http_config, open a Flightdeck alert on the
// target their labels name (by id, or service + environment), block that target's readiness while open, are
// de-duplicated across Alertmanager's repeats, and resolve when Alertmanager sends them resolved. Alerts naming
// no target are answered as unmatched and change nothing. The route refuses what it should, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb, type Release } from "@/lib/db";
import { decideDeployment } from "@/lib/services/decide-deployment";
import { callRoute } from "@/lib/testing/catalog-fixtures";
import { type OwnAlertmanager, startOwnAlertmanager } from "@/lib/testing/own-alertmanager";
import { waitUntil } from "@/lib/testing/own-redis";
import { createReleaseWorld } from "@/lib/testing/release-fixtures";
import { serveRoute } from "@/lib/testing/serve-route";
import * as alertmanagerRoute from "./integrations/alertmanager/route";

const OPEN = new Date("2026-06-15T09:00:00Z"); // Monday 11:00 in Berlin: the production window is open
let world: Awaited<ReturnType<typeof createReleaseWorld>>;
let served: { url: string; close: () => Promise<void> };
/** Every call Alertmanager made: its token, the payload and Flightdeck's answer. */
const exchanges: { authorization: string | null; request: any; status: number; body: any }[] = [];
const recorded = async (request: Request) => {
  const payload = await request.clone().json();
  const response = await alertmanagerRoute.POST(request);
  exchanges.push({
    authorization: request.headers.get("authorization"),
    request: payload,
    status: response.status,
    body: await response.clone().json(),
  });
  return response;
};
let alertmanager: OwnAlertmanager;
const db = () => getDb();

async function readyRelease(): Promise<Release> {
  const release = await world.createRelease();
  await world.recordDeploy(release.id, world.stagingTarget.id);
  for (const who of ["rm1", "rm2"] as const) {
    await db().approval.create({
      data: {
        releaseId: release.id,
        environmentId: world.production.id,
        userId: world.people[who].principal.userId,
        decision: "approve",
        digest: release.digest,
        createdAt: new Date(OPEN.getTime() - 3_600_000),
      },
    });
  }
  return release;
}

const decide = async (release: Release) =>
  decideDeployment({
    principal: world.people.rm1.principal,
    release,
    environment: world.production,
    target: await db().target.findUniqueOrThrow({ where: { id: world.productionTarget.id } }),
    now: OPEN,
  });

const alertsOn = (targetId: string) => db().alert.findMany({ where: { targetId, source: "alertmanager" }, orderBy: { startedAt: "asc" } });

beforeAll(async () => {
  world = await createReleaseWorld();
  served = await serveRoute({ handler: recorded });
  alertmanager = await startOwnAlertmanager({
    webhookUrl: `${served.url}/api/v1/integrations/alertmanager`,
    token: world.people.oncall.token,
  });
});
afterAll(async () => {
  await alertmanager?.stop();
  await served?.close();
  await disconnectDb();
});

describe("Alertmanager → Flightdeck", () => {
  it("opens a P1 on the target its labels name, which blocks readiness, and resolves it when Alertmanager does", async () => {
    const release = await readyRelease();
    expect((await decide(release)).allowed).toBe(true);
    const labels = {
      alertname: "HighErrorRate",
      severity: "critical",
      service: world.service.slug,
      environment: world.production.slug,
    };
    await alertmanager.postAlerts([{ labels, annotations: { summary: "5xx above 1 % for 5 minutes" } }]);
    await waitUntil(
      async () => {
        if (!exchanges.some((e) => e.body?.opened?.length)) throw new Error("no answer that opened an alert yet");
      },
      { timeoutMs: 20_000, what: "Alertmanager's alert to arrive" },
    );
    expect(await alertsOn(world.productionTarget.id)).toHaveLength(1);
    const [alert] = await alertsOn(world.productionTarget.id);
    expect(alert).toMatchObject({
      name: "HighErrorRate",
      severity: "P1",
      summary: "5xx above 1 % for 5 minutes",
      resolvedAt: null,
      labels: { ...labels, severityFrom: 'severity="critical"' },
    });
    const first = exchanges.find((e) => e.body?.opened?.length)!;
    expect(first).toMatchObject({ status: 200, authorization: `Bearer ${world.people.oncall.token}` });
    expect(first.body).toMatchObject({ received: 1, opened: [alert!.id], unmatched: [] });

    const refused = await decide(release);
    expect(refused.allowed).toBe(false);
    expect(refused.refusals[0]?.reason).toMatch(/No open P1 alert on the target — 1 open P1 alert on this target/);

    // Alertmanager repeating the group (its repeat_interval, a retry) is the same Flightdeck alert, seen again.
    const repeat = await callRoute(alertmanagerRoute.POST, { as: world.people.oncall, body: first.request });
    expect(repeat).toMatchObject({ status: 200, body: { received: 1, opened: [], stillFiring: [alert!.id] } });
    expect(await alertsOn(world.productionTarget.id)).toHaveLength(1);

    await alertmanager.postAlerts([
      { labels, startsAt: alert!.startedAt.toISOString(), endsAt: new Date(Date.now() - 1000).toISOString() },
    ]);
    await waitUntil(
      async () => {
        if (!exchanges.some((e) => e.body?.resolved?.length)) throw new Error("no answer that resolved an alert yet");
      },
      { timeoutMs: 20_000, what: "Alertmanager's resolution to arrive" },
    );
    expect(exchanges.find((e) => e.body?.resolved?.length)!.body.resolved).toEqual([alert!.id]);
    expect((await alertsOn(world.productionTarget.id))[0]!.resolvedAt).not.toBeNull();
    expect(await alertsOn(world.productionTarget.id)).toHaveLength(1);
    expect((await decide(release)).allowed).toBe(true);
    const audit = await db().auditEvent.findMany({ where: { subjectType: "alert", subjectId: alert!.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["alert.opened", "token:Otto Oncall token"],
      ["alert.resolved", "token:Otto Oncall token"],
    ]);
  });

  it("finds the target by flightdeck_target, and answers an alert naming no target as unmatched", async () => {
    const before = await db().alert.count();
    await alertmanager.postAlerts([
      { labels: { alertname: "DiskFilling", severity: "warning", flightdeck_target: world.stagingTarget.id } },
      { labels: { alertname: "Orphan", service: "no-such-service", environment: world.production.slug } },
    ]);
    await waitUntil(
      async () => {
        if (!exchanges.some((e) => e.body?.unmatched?.some((u: { alertname: string }) => u.alertname === "Orphan")))
          throw new Error("no answer naming the orphan yet");
        expect(await alertsOn(world.stagingTarget.id)).toHaveLength(1);
      },
      { timeoutMs: 20_000, what: "both groups to arrive" },
    );
    const [disk] = await alertsOn(world.stagingTarget.id);
    expect(disk).toMatchObject({ name: "DiskFilling", severity: "P3", resolvedAt: null });
    const orphan = exchanges.find((e) => e.body?.unmatched?.length)!;
    expect(orphan).toMatchObject({ status: 200, body: { received: 1, opened: [] } });
    expect(orphan.body.unmatched).toEqual([
      {
        fingerprint: expect.any(String),
        alertname: "Orphan",
        reason: `there is no target for service no-such-service in ${world.production.slug}`,
      },
    ]);
    expect(await db().alert.count()).toBe(before + 1);
  });
});

describe("POST /api/v1/integrations/alertmanager refuses", () => {
  const body = {
    version: "4",
    groupKey: "{}:{}",
    status: "firing",
    receiver: "flightdeck",
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://am",
    alerts: [
      {
        status: "firing",
        labels: { alertname: "X", flightdeck_target: "t" },
        annotations: {},
        startsAt: "2026-12-02T10:00:00Z",
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "",
        fingerprint: "abc",
      },
    ],
  };
  const refusedWith = async (status: number, call: Parameters<typeof callRoute>[1], field?: string) => {
    const before = { alerts: await db().alert.count(), audit: await db().auditEvent.count() };
    const answer = await callRoute(alertmanagerRoute.POST, call);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (field) expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect({ alerts: await db().alert.count(), audit: await db().auditEvent.count() }).toEqual(before);
  };

  it("a role below oncall, unknown keys, NUL characters, a wrong version and huge lists, changing nothing", async () => {
    await refusedWith(403, { as: world.people.viewer, body });
    await refusedWith(403, { as: world.people.developer, body });
    await refusedWith(422, { as: world.people.oncall, body: { ...body, extra: 1 } }, "body");
    await refusedWith(422, { as: world.people.oncall, body: { ...body, alerts: [{ ...body.alerts[0], labelz: {} }] } }, "body.alerts.0");
    await refusedWith(422, { as: world.people.oncall, body: { ...body, version: "3" } }, "body.version");
    await refusedWith(422, { as: world.people.oncall, body: { ...body, alerts: Array(1001).fill(body.alerts[0]) } }, "body.alerts");
    const nul = await callRoute(alertmanagerRoute.POST, { as: world.people.oncall, body: { ...body, receiver: "a\u0000b" } });
    expect(nul.status).toBe(422);
  });

  it("an unknown or revoked token", async () => {
    const answer = await callRoute(alertmanagerRoute.POST, { as: { ...world.people.oncall, token: "fd_not-a-token" }, body });
    expect(answer.status).toBe(401);
  });
});
