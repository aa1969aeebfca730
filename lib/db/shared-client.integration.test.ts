// The shared client's sessions as the pool opens them: without JIT compilation, which cost the Overview's and
// the SLO list's batched queries more than running them (their row estimates pass jit_above_cost).
import { afterAll, expect, it } from "vitest";
import { db, disconnectDb } from "./index";

afterAll(() => disconnectDb());

it("opens every pooled session with JIT off, set by the client rather than the server", async () => {
  const sessions = await Promise.all(
    Array.from(
      { length: 4 },
      () => db.$queryRaw<{ setting: string; source: string }[]>`SELECT setting, source FROM pg_settings WHERE name = 'jit'`,
    ),
  );
  expect(sessions.map(([row]) => row)).toEqual(Array(4).fill({ setting: "off", source: "client" }));
});
