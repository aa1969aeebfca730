// Sign-in limits against the real Redis and Postgres: the guard in front of next-auth's credentials callback
// and the password check behind it, as one password sign-in runs them. Small limits and a 2 s lockout.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.REDIS_PREFIX = `${process.env.REDIS_PREFIX ?? "fdtest"}:si${randomBytes(2).toString("hex")}`;
process.env.SIGNIN_MAX_FAILURES_PER_ACCOUNT = "3";
process.env.SIGNIN_MAX_FAILURES_PER_ADDRESS = "5";
process.env.SIGNIN_LOCKOUT_SECONDS = "2";
const prefix = process.env.REDIS_PREFIX;

const { guardCredentialsSignIn } = await import("./guard-credentials-sign-in");
const { signInWithPassword } = await import("./sign-in");
const { reserveSignInAttempt } = await import("@/lib/auth/sign-in-limiter");
const { hashPassword } = await import("@/lib/auth/password");
const { disconnectDb, getDb } = await import("@/lib/db");
const { closeRedis, getReadyRedis } = await import("@/lib/redis");

const run = randomBytes(3).toString("hex");
const PASSWORD = "the-right-password";
let octet = 0;
const newAddress = () => `198.51.100.${(octet += 1)}`;

async function makeUser(name: string, data: { disabled?: boolean } = {}): Promise<string> {
  const email = `${name}-${run}@limits.test`;
  await getDb().user.create({ data: { email, name, role: "viewer", passwordHash: await hashPassword(PASSWORD), ...data } });
  return email;
}

/** One password sign-in as the route runs it: the guard, then (unless it answered) the password check. */
async function attempt(email: string, password: string, address: string): Promise<{ status: number; retryAfter?: number; body?: unknown }> {
  const request = new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ email, password, csrfToken: "x", json: "true" }),
  });
  const refusal = await guardCredentialsSignIn(request);
  if (refusal) return { status: refusal.status, retryAfter: Number(refusal.headers.get("retry-after")), body: await refusal.json() };
  return { status: (await signInWithPassword({ email, password, address })) ? 200 : 401 };
}

const audits = (action: string, label: string) => getDb().auditEvent.count({ where: { action, actorLabel: label } });

beforeAll(async () => {
  await getReadyRedis();
});

afterAll(async () => {
  const redis = await getReadyRedis();
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await closeRedis();
  await disconnectDb();
});

describe("per-account limit", () => {
  it("locks an account after 3 failures — even the right password gets 429 with Retry-After — and lets it in after the lockout", async () => {
    const email = await makeUser("lock");
    for (let i = 0; i < 3; i += 1) expect((await attempt(email, "wrong", newAddress())).status).toBe(401);
    const limited = await attempt(email, PASSWORD, newAddress());
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfter).toBeLessThanOrEqual(2);
    expect(limited.body).toMatchObject({ status: 429, detail: expect.stringMatching(/this account.*Try again in \d seconds?/) });
    expect(await audits("auth.sign_in_failed", email)).toBe(3);
    expect(await audits("auth.signin_limited", email)).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, (limited.retryAfter ?? 2) * 1000 + 100));
    expect((await attempt(email, PASSWORD, newAddress())).status).toBe(200);
  });

  it("forgets the account's failures on a successful sign-in", async () => {
    const email = await makeUser("reset");
    for (let i = 0; i < 2; i += 1) expect((await attempt(email, "wrong", newAddress())).status).toBe(401);
    expect((await attempt(email, PASSWORD, newAddress())).status).toBe(200);
    for (let i = 0; i < 2; i += 1) expect((await attempt(email, "wrong", newAddress())).status).toBe(401);
    expect((await attempt(email, PASSWORD, newAddress())).status).toBe(200);
  });

  it("locks unknown and disabled accounts the same way, so a lockout says nothing about who exists", async () => {
    const disabled = await makeUser("disabled", { disabled: true });
    for (const email of [`nobody-${run}@limits.test`, disabled]) {
      for (let i = 0; i < 3; i += 1) expect((await attempt(email, PASSWORD, newAddress())).status).toBe(401);
      expect((await attempt(email, PASSWORD, newAddress())).status).toBe(429);
    }
  });
});

describe("per-address limit", () => {
  it("locks an address after 5 failures across accounts, and leaves other addresses alone", async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i += 1) expect((await attempt(`spray${i}-${run}@limits.test`, "wrong", address)).status).toBe(401);
    const email = await makeUser("bystander");
    const limited = await attempt(email, PASSWORD, address);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ detail: expect.stringMatching(/network address/) });
    expect((await attempt(email, PASSWORD, newAddress())).status).toBe(200);
  });

  it("counts only failures: many successful sign-ins from one address are never limited", async () => {
    const address = newAddress();
    const email = await makeUser("office");
    for (let i = 0; i < 12; i += 1) expect((await attempt(email, PASSWORD, address)).status).toBe(200);
  });

  it("lets no more than the limit through when attempts arrive all at once", async () => {
    const redis = await getReadyRedis();
    const attemptInfo = { email: `burst-${run}@limits.test`, address: newAddress() };
    const results = await Promise.all(Array.from({ length: 12 }, () => reserveSignInAttempt({ redis, attempt: attemptInfo })));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });
});

describe("response time", () => {
  it("is comparable for unknown, disabled and known accounts", async () => {
    const known = await makeUser("timing");
    const disabled = await makeUser("timing-off", { disabled: true });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const time = async (email: string) => {
      const started = performance.now();
      await signInWithPassword({ email, password: "wrong", address: "203.0.113.250" });
      return performance.now() - started;
    };
    const samples: Record<string, number[]> = { known: [], unknown: [], disabled: [] };
    for (let i = 0; i < 5; i += 1) {
      samples.known!.push(await time(known));
      samples.unknown!.push(await time(`ghost${i}-${run}@limits.test`));
      samples.disabled!.push(await time(disabled));
    }
    const reference = median(samples.known!);
    expect(median(samples.unknown!)).toBeGreaterThan(reference / 2);
    expect(median(samples.disabled!)).toBeGreaterThan(reference / 2);
  });
});
