// Sign-in, sessions and tokens attacked through the running app: guessing is limited per account and per
// address (429 + Retry-After, then allowed again), a cookie replayed after sign-out is refused, an admin ends
// another user's sessions, a demoted admin's token loses its admin rights, the callbackUrl cannot leave the
// site, and unknown accounts answer as slowly as known ones. Every account and address here is the spec's own.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  insertPasswordUser,
  newClient,
  postCredentials,
  replayClient,
  SESSION_COOKIE,
  sessionCookieOf,
  signOutOf,
} from "./support/credentials";
import { createToken, withDatabase } from "./support/database";
import { appUrl, SIGNIN_LOCKOUT_SECONDS } from "./support/e2e-env";
import { DEMO_ACCOUNTS, signIn } from "./support/sign-in";

// Each password check is a deliberate ~100 ms of scrypt, several times that on a busy machine, and some
// tests here sign in twenty-odd times: every test gets room for it.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 30_000 };

let octet = 0;
/** A client address of its own (TEST-NET-2), so the per-address limit of one test never touches another. */
const nextAddress = () => `198.51.100.${(octet += 1)}`;
const clients: APIRequestContext[] = [];
async function client(address = nextAddress()): Promise<APIRequestContext> {
  const made = await newClient(address);
  clients.push(made);
  return made;
}

test.afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

const auditCount = (action: string, actorLabel: string) =>
  withDatabase(async (db) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = $1 AND "actorLabel" = $2`, [action, actorLabel])).rows[0].n,
    ),
  );

test.describe("sign-in limits", () => {
  test("an account is locked after 5 failures: 429 with Retry-After, the form says how long, then it signs in again", async ({ page }) => {
    const user = await insertPasswordUser("developer");
    // The form is filled first, so that its submit lands inside the short e2e lockout.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": nextAddress() });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);

    for (let i = 0; i < 5; i += 1) {
      expect((await postCredentials(await client(), { email: user.email, password: "wrong" })).status()).toBe(401);
    }
    const limited = await postCredentials(await client(), { email: user.email, password: user.password });
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(SIGNIN_LOCKOUT_SECONDS);
    expect((await limited.json()).detail).toMatch(/this account\. Try again in \d+ seconds?/);

    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: /Too many failed sign-ins\. Try again in \d+ seconds?\./ })).toBeVisible(SLOW);
    await expect(page).toHaveURL(/\/signin/);

    expect(await auditCount("auth.sign_in_failed", user.email)).toBe(5);
    expect(await auditCount("auth.signin_limited", user.email)).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 250));
    const after = await client();
    expect((await postCredentials(after, { email: user.email, password: user.password })).status()).toBe(200);
    expect((await after.get("/api/v1/me")).status()).toBe(200);
  });

  test("an address is locked after 20 failures across accounts; the same account from elsewhere still signs in", async () => {
    const address = nextAddress();
    for (let i = 0; i < 20; i += 1) {
      const response = await postCredentials(await client(address), { email: `spray-${i}-${Date.now()}@e2e.test`, password: "guess" });
      expect(response.status()).toBe(401);
    }
    const user = await insertPasswordUser("viewer");
    const limited = await postCredentials(await client(address), { email: user.email, password: user.password });
    expect(limited.status()).toBe(429);
    expect(limited.headers()["retry-after"]).toMatch(/^\d+$/);
    expect((await limited.json()).detail).toMatch(/network address/);
    expect((await postCredentials(await client(), { email: user.email, password: user.password })).status()).toBe(200);
  });

  test("successful sign-ins never count: 25 from one address are all let in", async () => {
    const user = await insertPasswordUser("viewer");
    const address = nextAddress();
    for (let i = 0; i < 25; i += 1) {
      expect((await postCredentials(await client(address), { email: user.email, password: user.password })).status()).toBe(200);
    }
  });

  test("unknown, disabled and known accounts take comparable time to refuse", async () => {
    const known = await Promise.all(Array.from({ length: 5 }, () => insertPasswordUser("viewer")));
    const disabled = await Promise.all(Array.from({ length: 5 }, () => insertPasswordUser("viewer", { disabled: true })));
    const timed = async (email: string) => {
      const c = await client();
      const { csrfToken } = (await (await c.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const started = performance.now();
      const response = await c.post("/api/auth/callback/credentials", { form: { email, password: "wrong", csrfToken, json: "true" } });
      const elapsed = performance.now() - started;
      expect(response.status()).toBe(401);
      return elapsed;
    };
    const samples = { known: [] as number[], unknown: [] as number[], disabled: [] as number[] };
    // Interleaved, one failure per account, medians compared: a busy moment on the machine hits all three alike.
    for (let i = 0; i < 5; i += 1) {
      samples.known.push(await timed(known[i]!.email));
      samples.unknown.push(await timed(`nobody-${i}-${Date.now()}@e2e.test`));
      samples.disabled.push(await timed(disabled[i]!.email));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const reference = median(samples.known);
    for (const kind of ["unknown", "disabled"] as const) {
      const ratio = median(samples[kind]) / reference;
      expect(ratio, `${kind} vs known: ${JSON.stringify(samples)}`).toBeGreaterThan(0.5);
      expect(ratio, `${kind} vs known: ${JSON.stringify(samples)}`).toBeLessThan(2);
    }
  });
});

test.describe("sessions", () => {
  test("a session cookie replayed after sign-out gets 401 from the API and the sign-in page from the app", async ({ browser }) => {
    const user = await insertPasswordUser("developer");
    const signedIn = await client();
    expect((await postCredentials(signedIn, { email: user.email, password: user.password })).status()).toBe(200);
    const cookie = await sessionCookieOf(signedIn);
    // The replay itself works while the session is live, so the refusal below is the sign-out's doing.
    const before = await replayClient(cookie);
    clients.push(before);
    expect((await before.get("/api/v1/me")).status()).toBe(200);

    expect((await signOutOf(signedIn)).status()).toBe(200);
    const replay = await replayClient(cookie);
    clients.push(replay);
    const me = await replay.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect(me.headers()["content-type"]).toContain("application/problem+json");
    expect(await auditCount("auth.sign_out", user.email)).toBe(1);

    // A browser holding the copied cookie is sent to the sign-in page.
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookie, url: appUrl }]);
    const page = await context.newPage();
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/, SLOW);
    await context.close();
  });

  test("an admin ends another user's sessions from Settings › Users: each of their browsers is signed out", async ({ page }) => {
    const user = await insertPasswordUser("oncall");
    const laptop = await client();
    const phone = await client();
    for (const c of [laptop, phone]) {
      expect((await postCredentials(c, { email: user.email, password: user.password })).status()).toBe(200);
      expect((await c.get("/api/v1/me")).status()).toBe(200);
    }

    await signIn(page, "admin");
    await page.goto("/settings/users");
    await expect(page.getByTestId(`sessions-${user.email}`)).toHaveText("2", SLOW);
    await page.getByRole("button", { name: `End sessions of ${user.email}` }).click();
    const dialog = page.getByRole("dialog", { name: `End all sessions of ${user.email}?` });
    await dialog.getByRole("button", { name: "Yes, end sessions" }).click();
    await expect(dialog).toBeHidden(SLOW);
    await expect(page.getByTestId(`sessions-${user.email}`)).toHaveText("0", SLOW);

    for (const c of [laptop, phone]) expect((await c.get("/api/v1/me")).status()).toBe(401);
    const ended = await withDatabase(
      async (db) =>
        (await db.query(`SELECT details FROM "AuditEvent" WHERE action = 'user.sessions_ended' AND "subjectId" = $1`, [user.id])).rows,
    );
    expect(ended).toEqual([{ details: expect.objectContaining({ ended: 2 }) }]);
    // They can sign in again: ending sessions is not disabling.
    expect((await postCredentials(await client(), { email: user.email, password: user.password })).status()).toBe(200);
  });
});

test.describe("API tokens", () => {
  test("a demoted admin's admin token can no longer read users or mint tokens", async ({ request }) => {
    const demoted = await insertPasswordUser("admin");
    const { token } = await createToken(demoted.email, "admin");
    const { token: adminToken } = await createToken(DEMO_ACCOUNTS.admin.email, "admin");
    const as = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await request.get("/api/v1/users", { headers: as(token) })).status()).toBe(200);

    const demote = await request.patch(`/api/v1/users/${demoted.id}`, { headers: as(adminToken), data: { role: "developer" } });
    expect(demote.status()).toBe(200);

    const users = await request.get("/api/v1/users", { headers: as(token) });
    expect(users.status()).toBe(403);
    expect((await users.json()).detail).toMatch(/admin\.manage/);
    const tokensBefore = await withDatabase(async (db) => (await db.query(`SELECT count(*) AS n FROM "ApiToken"`)).rows[0].n);
    for (const role of ["admin", "developer"]) {
      const mint = await request.post("/api/v1/tokens", { headers: as(token), data: { name: `escalate ${role}`, role } });
      expect(mint.status()).toBe(403);
    }
    expect(await withDatabase(async (db) => (await db.query(`SELECT count(*) AS n FROM "ApiToken"`)).rows[0].n)).toBe(tokensBefore);
    // What a developer may do, the token still may: it acts with the owner's current role, not with none.
    expect((await request.get("/api/v1/me", { headers: as(token) })).status()).toBe(200);
  });
});

test.describe("callbackUrl", () => {
  for (const callbackUrl of ["/%09/evil.example/x", "//evil.example/x", "/%5Cevil.example/x", "/%2F%2Fevil.example/x"]) {
    test(`signing in with callbackUrl ${callbackUrl} stays on the site`, async ({ page }) => {
      const user = await insertPasswordUser("viewer");
      // The raw query string, exactly as a crafted link carries it.
      await page.goto(`/signin?callbackUrl=${callbackUrl}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await expect(page).toHaveURL(`${appUrl}/overview`, SLOW);
    });
  }

  test("next-auth's own redirect refuses every off-site variant, and keeps a same-site one", async () => {
    const user = await insertPasswordUser("viewer");
    const variants = [
      "/\t/evil.example/",
      "/\\evil.example",
      "https://evil.example/",
      "//evil.example",
      "/%2F%2Fevil.example",
      "\n//evil.example",
    ];
    for (const callbackUrl of variants) {
      const response = await postCredentials(await client(), { email: user.email, password: user.password, callbackUrl });
      expect(response.status()).toBe(200);
      expect((await response.json()).url, JSON.stringify(callbackUrl)).toBe(`${appUrl}/overview`);
    }
    const same = await postCredentials(await client(), { email: user.email, password: user.password, callbackUrl: "/audit?action=auth." });
    expect((await same.json()).url).toBe(`${appUrl}/audit?action=auth.`);
  });
});
