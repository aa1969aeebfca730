// Without FLIGHTDECK_TEST_CLOCK=1 the clock is real time whatever Redis holds, and the route that sets it
// does not exist (404), so a production installation cannot be made to misjudge its windows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

delete process.env.FLIGHTDECK_TEST_CLOCK;
const { disconnectDb, getDb } = await import("@/lib/db");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");
const { now, testClockKey } = await import("./clock");
const { createPerson } = await import("@/lib/testing/release-fixtures");
const { PUT } = await import("@/app/api/v1/test/clock/route");

const FIXED = "2026-06-12T10:00:00.000Z";
let adminToken = "";

beforeAll(async () => {
  adminToken = (await createPerson("admin", "Clock Admin")).token;
  await (await getReadyRedis()).set(testClockKey(), FIXED);
});
afterAll(async () => {
  await (await getReadyRedis()).del(testClockKey());
  await closeRedis();
  await disconnectDb();
});

describe("the clock without the test flag", () => {
  it("ignores an instant stored in Redis", async () => {
    const before = Date.now();
    const at = (await now()).getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it("answers 404 to PUT /api/v1/test/clock, even for an admin, and changes nothing", async () => {
    const audits = await getDb().auditEvent.count({ where: { action: "test.clock_set" } });
    const request = new Request("http://test/api/v1/test/clock", {
      method: "PUT",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify({ now: "2030-01-01T00:00:00Z" }),
    });
    expect((await PUT(request)).status).toBe(404);
    expect(await (await getReadyRedis()).get(testClockKey())).toBe(FIXED);
    expect(await getDb().auditEvent.count({ where: { action: "test.clock_set" } })).toBe(audits);
  });
});
