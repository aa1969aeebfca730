// The SLI history against a real local target: real requests through the supervisor's proxy (10 % of them
// failing) are sampled into minute rows that add up to what the clients saw, folded into an hour row with the
// same counts and histogram, read back by readTargetSli, written once however often it runs, pruned past
// retention; an unreachable supervisor leaves a gap rather than a made-up zero.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { sumLatencyCounts } from "@/lib/domain/slo/summarize-sli-rows";
import { LocalProvider } from "@/lib/providers/local/local-provider";
import { shutdownAllLocal } from "@/lib/providers/local/shutdown-all-local";
import { release, sampleTarget, waitForRevision } from "@/lib/providers/local/testing/local-fixtures";
import { sendRequests } from "@/lib/providers/local/testing/send-requests";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { readWindowFromSupervisor } from "@/lib/metrics/local/local-metrics-source";
import { freePort, waitUntil } from "@/lib/testing/own-redis";
import { pruneSliRollups } from "./prune-sli-rollups";
import { readTargetSli } from "./read-target-sli";
import { recordSliMinutes } from "./record-sli-minutes";
import { rollUpSliHours } from "./roll-up-sli-hours";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let stateDir: string;
let targetId: string;
let sent: { requests: number; failures: number };
let sentAt: Date;

beforeAll(async () => {
  stateDir = await mkdtemp(path.join(tmpdir(), "fd-sli-it-"));
  const { target } = await createTarget({ strategy: "rolling" });
  targetId = target.id;
  const provider = new LocalProvider({ stateDir });
  const providerTarget = sampleTarget({ id: targetId, port: await freePort() });
  await provider.startRevision({ target: providerTarget, revision: "v1", release: release("1.0.0"), env: { ERROR_RATE: "0.1" } });
  await waitForRevision({ provider, target: providerTarget, name: "v1" });
  const { url } = await provider.setTraffic({ target: providerTarget, weights: { v1: 100 } });
  await db.target.update({ where: { id: targetId }, data: { currentRevision: "v1" } });
  sentAt = new Date();
  const load = await sendRequests({ url: `${url}/work`, count: 400, concurrency: 10 });
  sent = { requests: load.samples.length, failures: load.failures };
  // The supervisor reads its processes every 2 s; 400 requests can take less on an idle machine, so wait for
  // a memory reading to be in the window before the minute is sampled.
  const readWindow = readWindowFromSupervisor({ stateDir });
  await waitUntil(
    async () => {
      const window = await readWindow({ targetId, seconds: 300, endMs: Date.now() });
      if (!window.revisions.some((r) => (r.resources.memoryPercent ?? 0) > 0)) throw new Error("no memory reading yet");
    },
    { timeoutMs: 20_000, what: "the supervisor's first memory reading" },
  );
}, 120_000);

afterAll(async () => {
  await shutdownAllLocal({ stateDir });
  await rm(stateDir, { recursive: true, force: true });
  await disconnectDb();
});

// The minute of the requests counts as completed once `now` is past it: a minute ahead of the clock.
const ahead = () => new Date(Date.now() + MINUTE);

describe("the SLI history", () => {
  it("samples real traffic into minute rows that add up to what the clients saw, once", async () => {
    expect(sent.failures).toBeGreaterThan(15);
    const first = await recordSliMinutes({ now: ahead(), lookbackMinutes: 3, localStateDir: stateDir });
    expect(first.failed.filter((f) => f.targetId === targetId)).toEqual([]);
    const rows = await db.sliRollup.findMany({ where: { targetId, resolution: "minute" } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.reduce((s, r) => s + r.requests, 0)).toBe(sent.requests);
    expect(rows.reduce((s, r) => s + r.errors, 0)).toBe(sent.failures);
    expect(sumLatencyCounts(rows).reduce((a, b) => a + b, 0)).toBe(sent.requests);
    expect(rows.some((r) => r.memoryPercent !== null && r.memoryPercent > 0)).toBe(true);
    expect(first.earliest!.getTime()).toBeLessThanOrEqual(Math.min(...rows.map((r) => r.bucketStart.getTime())));

    const again = await recordSliMinutes({ now: ahead(), lookbackMinutes: 3, localStateDir: stateDir });
    expect(again).toMatchObject({ written: 0, earliest: null });
    expect(await db.sliRollup.count({ where: { targetId, resolution: "minute" } })).toBe(rows.length);
  });

  it("folds minute rows into an hour row with the same counts and histogram, idempotently", async () => {
    const minutes = await db.sliRollup.findMany({ where: { targetId, resolution: "minute" } });
    const hourOf = (d: Date) => Math.floor(d.getTime() / HOUR) * HOUR;
    await rollUpSliHours({ now: ahead(), hoursBack: 1 });
    await rollUpSliHours({ now: ahead(), hoursBack: 1 });
    const hours = await db.sliRollup.findMany({ where: { targetId, resolution: "hour" }, orderBy: { bucketStart: "asc" } });
    expect(hours.map((h) => h.bucketStart.getTime())).toEqual([...new Set(minutes.map((m) => hourOf(m.bucketStart)))].sort());
    expect(hours.reduce((s, h) => s + h.requests, 0)).toBe(sent.requests);
    expect(hours.reduce((s, h) => s + h.errors, 0)).toBe(sent.failures);
    expect(sumLatencyCounts(hours)).toEqual(sumLatencyCounts(minutes));
  });

  it("reads the window back through readTargetSli", async () => {
    const sli = await readTargetSli({ targetId, windowSeconds: 3600, now: ahead() });
    expect(sli).toMatchObject({ requests: sent.requests, errors: sent.failures });
    expect(sli!.p95Ms).toBeGreaterThan(0);
    expect(sli!.p99Ms).toBeGreaterThanOrEqual(sli!.p95Ms!);
    expect(await readTargetSli({ targetId, windowSeconds: 60, now: new Date(sentAt.getTime() - 5 * MINUTE) })).toBeNull();
  });

  it("reads a 30-day window from hour rows plus the minute rows at its edges, by hand", async () => {
    const { target } = await createTarget({ strategy: "rolling" });
    const now = new Date("2026-06-15T12:30:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    const row = (resolution: "minute" | "hour", bucketStart: Date, requests: number, errors: number) => ({
      targetId: target.id,
      resolution,
      bucketStart,
      requests,
      errors,
      latencyCounts: [requests],
      cpuPercent: null,
      memoryPercent: null,
    });
    await db.sliRollup.createMany({
      data: [
        row("hour", at(-10 * 24 * HOUR - 30 * MINUTE), 1_000, 10), // 10 days ago, a whole hour inside
        row("hour", at(-31 * 24 * HOUR), 5_000, 500), // outside the window
        row("hour", at(-30 * MINUTE), 600, 6), // the current hour: read from its minutes instead
        row("minute", at(-30 * MINUTE), 300, 3),
        row("minute", at(-1 * MINUTE), 300, 3),
        row("minute", at(0), 999, 999), // starts at `now`: outside
      ],
    });
    expect(await readTargetSli({ targetId: target.id, windowSeconds: 30 * 24 * 3600, now })).toMatchObject({ requests: 1_600, errors: 16 });
  });

  it("leaves a gap, not a zero, when the supervisor cannot be reached", async () => {
    const { target } = await createTarget({ strategy: "rolling" });
    await db.target.update({ where: { id: target.id }, data: { currentRevision: "gone" } });
    const result = await recordSliMinutes({ now: ahead(), lookbackMinutes: 2, localStateDir: stateDir });
    expect(result.failed.find((f) => f.targetId === target.id)?.error).toMatch(/no local supervisor/);
    expect(await db.sliRollup.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("prunes minute rows past 48 h and hour rows past 35 days", async () => {
    const { target } = await createTarget({ strategy: "rolling" });
    const now = new Date("2026-06-15T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const row = (resolution: "minute" | "hour", bucketStart: Date) => ({
      targetId: target.id,
      resolution,
      bucketStart,
      requests: 1,
      errors: 0,
      latencyCounts: [1],
    });
    await db.sliRollup.createMany({
      data: [
        row("minute", ago(49 * HOUR)),
        row("minute", ago(47 * HOUR)),
        row("hour", ago(36 * 24 * HOUR)),
        row("hour", ago(34 * 24 * HOUR)),
      ],
    });
    const pruned = await pruneSliRollups({ now, minuteHours: 48, hourDays: 35 });
    expect(pruned.minutes).toBeGreaterThanOrEqual(1);
    expect(pruned.hours).toBeGreaterThanOrEqual(1);
    const left = await db.sliRollup.findMany({ where: { targetId: target.id }, orderBy: { bucketStart: "asc" } });
    expect(left.map((r) => [r.resolution, r.bucketStart])).toEqual([
      ["hour", ago(34 * 24 * HOUR)],
      ["minute", ago(47 * HOUR)],
    ]);
  });
});
