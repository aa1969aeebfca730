// The Overview's health against the real database: hand-inserted rollups and alerts, hand-computed figures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { overviewQuery } from "@/lib/schemas/overview";
import { getOverview } from "../get-overview";

const run = `h${Date.now().toString(36)}`;
const slug = (name: string) => `${name}-${run}`;
// 12:30 UTC: the last hour is 11:30–12:30, the budget's whole hours end at 12:00 and its minutes run 12:00–12:30.
const now = new Date("2026-01-10T12:30:00.000Z");
const at = (iso: string) => new Date(`2026-01-10T${iso}:00.000Z`);
const minute = (targetId: string, bucketStart: Date, requests: number, errors: number) => ({
  targetId,
  resolution: "minute" as const,
  bucketStart,
  requests,
  errors,
  latencyCounts: [requests],
});
const hour = (targetId: string, bucketStart: Date, requests: number, errors: number) => ({
  ...minute(targetId, bucketStart, requests, errors),
  resolution: "hour" as const,
});

beforeAll(async () => {
  const db = getDb();
  const env = await db.environment.create({
    data: { slug: slug("env"), name: "Env", promotionOrder: 20_000 + Math.floor(Math.random() * 5000) },
  });
  const target = async (name: string, slos: object = {}) => {
    const service = await db.service.create({ data: { slug: slug(name), name: `${name} ${run}`, slos } });
    return (await db.target.create({ data: { serviceId: service.id, environmentId: env.id } })).id;
  };
  const [red, hot, calm, spent] = [
    await target("Red"),
    await target("Hot"),
    await target("Calm"),
    await target("Spent", { uptimePercent: 99 }),
  ];
  const alert = (targetId: string, severity: "P1" | "P3", resolvedAt: Date | null) => ({
    targetId,
    name: `${severity} ${resolvedAt ? "old" : "open"}`,
    severity,
    fingerprint: `${severity}-${resolvedAt ? "old" : "open"}`,
    openKey: resolvedAt ? null : `${targetId}:rule:${severity}`,
    resolvedAt,
  });
  await db.alert.createMany({
    data: [alert(red, "P1", null), alert(red, "P3", null), alert(calm, "P1", at("11:00")), alert(calm, "P3", null)],
  });
  await db.sliRollup.createMany({
    data: [
      // Hot: 200 requests and 5 errors in the last hour (2.5 %), in the 11:35 and 12:29 slots.
      minute(hot, at("11:29"), 1000, 1000), // before the last hour, and before the budget's minutes
      minute(hot, at("11:35"), 100, 0),
      minute(hot, at("12:29"), 100, 5),
      minute(hot, at("12:30"), 1000, 1000), // at `now`: not yet
      hour(hot, at("11:00"), 10_000, 0),
      hour(hot, at("12:00"), 1000, 1000), // the current hour comes from minutes only
      hour(hot, new Date("2025-12-10T11:00:00.000Z"), 1000, 1000), // older than 30 days
      // Calm: 0.1 % over the last hour.
      minute(calm, at("12:20"), 1000, 1),
      hour(calm, at("11:00"), 50_000, 10),
      // Spent: no traffic this hour, a 99 % objective's budget overspent.
      hour(spent, at("10:00"), 1000, 50),
    ],
  });
});
afterAll(() => disconnectDb());

const cellOf = (overview: Awaited<ReturnType<typeof getOverview>>, name: string) => {
  const column = overview.environments.findIndex((e) => e.slug === slug("env"));
  return overview.rows.find((r) => r.slug === slug(name))!.cells[column]!;
};

describe("the Overview's health", () => {
  it("counts a cell's unresolved alerts by severity, and an open P1 makes it unhealthy with no traffic at all", async () => {
    const overview = await getOverview({ q: run }, now);
    const red = cellOf(overview, "Red").health;
    expect(red.openAlerts).toEqual({ P1: 1, P2: 0, P3: 1, P4: 0 });
    expect(red).toMatchObject({ unhealthy: true, reasons: ["1 open P1 alert"] });
    expect(red.lastHour).toEqual({ requests: 0, errors: 0, availabilityPercent: null, errorRatePercent: null });
    expect(red.sparkline).toEqual(new Array(12).fill(null));
    expect(red.budget.status).toBe("not_enough_data");
  });

  it("sums the last hour's minutes into twelve 5-minute slots and the budget from whole hours plus this hour's minutes", async () => {
    const hot = cellOf(await getOverview({ q: run }, now), "Hot").health;
    expect(hot.lastHour).toEqual({ requests: 200, errors: 5, availabilityPercent: 97.5, errorRatePercent: 2.5 });
    expect(hot.sparkline).toEqual([null, 0, null, null, null, null, null, null, null, null, null, 5]);
    // 10,000 + 100 requests, 5 failed; 99.9 % allows 10.1.
    expect(hot.budget).toMatchObject({ status: "ok", total: 10_100, bad: 5, allowedBad: 10.1, objectivePercent: 99.9 });
    expect(hot.budget.status === "ok" && hot.budget.remainingRatio).toBeCloseTo(1 - 5 / 10.1, 10);
    expect(hot).toMatchObject({ unhealthy: true, reasons: ["error rate 2.5% over the last hour, above 1%"] });
  });

  it("keeps a cell with only P3 alerts, resolved P1s and a low error rate healthy", async () => {
    const calm = cellOf(await getOverview({ q: run }, now), "Calm").health;
    expect(calm).toMatchObject({ unhealthy: false, reasons: [], openAlerts: { P1: 0, P2: 0, P3: 1, P4: 0 } });
    expect(calm.lastHour).toEqual({ requests: 1000, errors: 1, availabilityPercent: 99.9, errorRatePercent: 0.1 });
    expect(calm.budget).toMatchObject({ status: "ok", total: 51_000, bad: 11, allowedBad: 51 });
  });

  it("uses the service's own objective for the budget, and a spent budget is unhealthy", async () => {
    const spent = cellOf(await getOverview({ q: run }, now), "Spent").health;
    expect(spent.budget).toMatchObject({ status: "exhausted", total: 1000, bad: 50, allowedBad: 10, objectivePercent: 99 });
    expect(spent).toMatchObject({ unhealthy: true, reasons: ["error budget spent"] });
  });

  it("keeps only the services with an unhealthy cell when asked, and counts them", async () => {
    const overview = await getOverview(overviewQuery.parse({ q: run, unhealthy: "true" }), now);
    expect(overview.rows.map((r) => r.slug)).toEqual([slug("Hot"), slug("Red"), slug("Spent")]);
    expect(overview.matchingServices).toBe(3);
    expect((await getOverview(overviewQuery.parse({ q: run, unhealthy: "false" }), now)).matchingServices).toBe(4);
  });

  it("refuses an unhealthy value other than true or false, naming the field", () => {
    const parsed = overviewQuery.safeParse({ unhealthy: "yes" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["unhealthy"], message: "must be true or false" });
  });
});
