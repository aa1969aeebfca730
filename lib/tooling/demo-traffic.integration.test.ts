// The demo's synthetic traffic against two real HTTP servers standing in for two targets: the rate it was
// asked for to each, on /work, each request labelled as synthetic, and nothing more once stopped.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startDemoTraffic, SYNTHETIC_HEADERS } from "./demo-traffic";

type Seen = { url: string; headers: IncomingHttpHeaders };
const targets: { server: Server; seen: Seen[]; url: string }[] = [];

beforeAll(async () => {
  for (let i = 0; i < 2; i += 1) {
    const seen: Seen[] = [];
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? "", headers: req.headers });
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    targets.push({ server, seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  }
});

afterAll(() => Promise.all(targets.map((t) => new Promise<void>((resolve) => t.server.close(() => resolve())))));

it("sends the asked rate of labelled requests to each target's /work, and stops", async () => {
  const traffic = startDemoTraffic({ rps: 10, listUrls: async () => targets.map((t) => t.url) });
  await new Promise((r) => setTimeout(r, 2_000));
  await traffic.stop();
  const counts = targets.map((t) => t.seen.length);
  // Two seconds at 10 a second, and the second that was under way when it stopped finishes its requests.
  for (const count of counts) {
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(30);
  }
  expect(traffic.sent()).toBe(counts[0]! + counts[1]!);
  const all = targets.flatMap((t) => t.seen);
  expect(new Set(all.map((s) => s.url))).toEqual(new Set(["/work"]));
  expect(all.every((s) => s.headers["x-flightdeck-synthetic"] === SYNTHETIC_HEADERS["x-flightdeck-synthetic"])).toBe(true);
  expect(all.every((s) => s.headers["user-agent"] === SYNTHETIC_HEADERS["user-agent"])).toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect(targets.map((t) => t.seen.length)).toEqual(counts);
});
