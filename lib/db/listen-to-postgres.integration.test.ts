// The one LISTEN connection against real Postgres: channels subscribed in the same tick once it is up are each
// listened to (one statement after another, never a query issued while another runs, which pg deprecates),
// their NOTIFYs reach their handlers alone, and an unsubscribed channel hears nothing more.
import { randomBytes } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { db, disconnectDb } from "./index";
import { listenToPostgres } from "./listen-to-postgres";

afterAll(() => disconnectDb());

const channel = (name: string) => `fd_listen_test_${name}_${randomBytes(3).toString("hex")}`;
const notify = (name: string, payload: string) => db.$executeRaw`SELECT pg_notify(${name}, ${payload})`;

it("listens to channels subscribed together, one statement at a time, and stops on unsubscribe", async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);
  process.on("warning", onWarning);
  const first = channel("first");
  const heard = new Map<string, string[]>();
  const handlers = (name: string) => ({ onNotification: (payload: string) => heard.set(name, [...(heard.get(name) ?? []), payload]) });
  let offFirst = () => {};
  await new Promise<void>((resolve) => {
    offFirst = listenToPostgres(first, { ...handlers(first), onConnect: resolve });
  });
  const others = ["b", "c", "d", "e"].map(channel);
  const offs = others.map((name) => listenToPostgres(name, handlers(name)));
  // Each LISTEN runs a moment after its subscription: a channel is listened to once a NOTIFY on it is heard.
  for (const name of [first, ...others]) {
    await expect.poll(async () => (await notify(name, `to ${name}`), heard.get(name)?.length ?? 0), { timeout: 5_000 }).toBeGreaterThan(0);
  }
  // nothing crossed over: each handler heard its own channel's payloads only
  for (const name of [first, ...others]) expect(new Set(heard.get(name))).toEqual(new Set([`to ${name}`]));
  const before = heard.get(others[0]!)!.length;
  offs[0]!();
  await notify(others[0]!, "after unsubscribing");
  await notify(others[1]!, "still subscribed");
  // notifications arrive in the order sent: once the second is heard, the first would have been
  await expect.poll(() => heard.get(others[1]!)?.at(-1), { timeout: 5_000 }).toBe("still subscribed");
  expect(heard.get(others[0]!)).toHaveLength(before);
  for (const off of [offFirst, ...offs.slice(1)]) off();
  process.off("warning", onWarning);
  expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
});
