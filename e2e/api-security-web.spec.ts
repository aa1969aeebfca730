// The web-facing hardening, through the built app in Chromium: a page on another port of the same host
// (same *site*, so the session cookie travels) cannot make a signed-in admin create releases, approve or
// create admins; text/plain and Origin-less cookie calls are refused too; token calls are not. Pages and
// API answers carry the security headers and pages run under the nonce CSP without violations. A 2 MiB
// body is a 413 (declared or chunked), and NUL, a huge cursor or an extreme date a 422. Nothing refused
// changes the database.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createServer, request as httpRequest, type Server } from "node:http";
import { test as base, expect, type Page } from "@playwright/test";
import { createToken, fingerprint, insertRelease, waitForQuiescence, withDatabase } from "./support/database";
import { appUrl, runId } from "./support/e2e-env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./support/sign-in";

let attacker: Server;
let attackerOrigin: string;
let adminToken: string;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;
const digest = () => `sha256:${randomBytes(32).toString("hex")}`;
const releaseBody = (version: string) => ({ service: "akosha", version, image: "registry.example.com/mcp/akosha:9", digest: digest() });

/** Pages the "attacker" serves from another port of 127.0.0.1; each is a script or a form aimed at the app. */
const attacks: Record<string, string> = {};

// One sign-in for the file (a password sign-in is deliberately slow); each test's browser starts with it.
// Kept in Playwright's output folder, which each run starts by emptying.
const adminSession = path.resolve(__dirname, `../test-results/.admin-session-${runId}.json`);

/** The test's page, in a browser context that starts signed in as the admin (closed after the test). */
const test = base.extend<{ page: Page }>({
  page: async ({ browser }, provide) => {
    const context = await browser.newContext({ baseURL: appUrl, storageState: adminSession });
    await provide(await context.newPage());
    await context.close();
  },
});

test.beforeAll(async ({ playwright }) => {
  // Signs in the way the sign-in form does (next-auth's own CSRF token, then the credentials callback),
  // without waiting on a page to hydrate; the journeys cover the form itself.
  const context = await playwright.request.newContext({ baseURL: appUrl });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const email = DEMO_ACCOUNTS.admin.email;
  await context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" } });
  const me = await context.get("/api/v1/me");
  expect(me.status(), await me.text()).toBe(200);
  await context.storageState({ path: adminSession });
  await context.dispose();
  attacker = createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(attacks[req.url ?? ""] ?? "<p>nothing here</p>");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
  adminToken = (await createToken("admin@flightdeck.local", "admin")).token;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => (attacker ? attacker.close(() => resolve()) : resolve()));
});

const count = (sql: string, params: unknown[]) =>
  withDatabase(async (client) => Number((await client.query(sql, params)).rows[0].n as string));

/** Opens the attacker's page `name` in the signed-in browser and returns the app's answer to what it sent. */
async function attack(page: Page, name: string, html: string, target: string): Promise<number> {
  attacks[`/${name}`] = html;
  const answer = page.waitForResponse((response) => response.url() === `${appUrl}${target}` && response.request().method() === "POST");
  await page.goto(`${attackerOrigin}/${name}`);
  return (await answer).status();
}

test.describe("cross-site requests", () => {
  test("another origin of the same host cannot create a release, approve or create an admin with the admin's cookie", async ({ page }) => {
    const release = await insertRelease();
    const version = `6.6.${unique()}`;
    const email = `csrf-${unique()}@evil.example`;
    await waitForQuiescence();
    const before = await fingerprint();

    const script = (path: string, body: unknown) =>
      `<script>fetch(${JSON.stringify(appUrl + path)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: ${JSON.stringify(JSON.stringify(body))} });</script>`;
    expect(await attack(page, "release", script("/api/v1/releases", releaseBody(version)), "/api/v1/releases")).toBe(403);
    const approval = `/api/v1/releases/${release.id}/approvals`;
    expect(await attack(page, "approve", script(approval, { environment: "production", decision: "approve" }), approval)).toBe(403);
    // A classic form post: enctype text/plain lets a form body be JSON ({"…":"="} after the browser joins name and value).
    const user = JSON.stringify({ email, name: "Evil", role: "admin", password: "evil-password-123456" }).slice(0, -1) + ',"pad":"';
    const form = `<form method="POST" action="${appUrl}/api/v1/users" enctype="text/plain"><input name='${user}' value='"}'></form><script>document.forms[0].submit()</script>`;
    expect(await attack(page, "admin", form, "/api/v1/users")).toBe(403);

    expect(await count(`SELECT count(*) AS n FROM "Release" WHERE version = $1`, [version])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "User" WHERE email = $1`, [email])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Approval" WHERE "releaseId" = $1`, [release.id])).toBe(0);
    expect(await fingerprint()).toEqual(before);
  });

  test("the app's own origin must still declare JSON, and a cookie call without Origin is refused", async ({ page }) => {
    await page.goto("/overview");
    await waitForQuiescence();
    const before = await fingerprint();
    const plain = await page.evaluate(
      async (body) => {
        const response = await fetch("/api/v1/releases", { method: "POST", headers: { "content-type": "text/plain" }, body });
        return { status: response.status, detail: (await response.json()).detail as string };
      },
      JSON.stringify(releaseBody(`6.7.${unique()}`)),
    );
    expect(plain.status).toBe(415);
    expect(plain.detail).toContain("Content-Type: application/json");
    // The browser context's request API sends the session cookie but, unlike a browser, no Origin.
    const noOrigin = await page.context().request.post("/api/v1/releases", { data: releaseBody(`6.8.${unique()}`) });
    expect(noOrigin.status()).toBe(403);
    expect(await fingerprint()).toEqual(before);

    const own = await page.evaluate(
      async (body) => {
        const response = await fetch("/api/v1/releases", { method: "POST", headers: { "content-type": "application/json" }, body });
        return response.status;
      },
      JSON.stringify(releaseBody(`6.9.${unique()}`)),
    );
    expect(own).toBe(201);
  });

  test("bearer-token calls are unaffected by origin and content type", async ({ request }) => {
    const version = `7.0.${unique()}`;
    const response = await request.post("/api/v1/releases", {
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "text/plain", origin: "http://evil.example" },
      data: JSON.stringify(releaseBody(version)),
    });
    expect(response.status(), await response.text()).toBe(201);
  });
});

test.describe("headers", () => {
  test("pages carry a nonce CSP and run under it without a violation; API answers carry the headers too", async ({ page, request }) => {
    // Pages hydrate slowly on a loaded machine; the point here is whether they do at all.
    test.setTimeout(150_000);
    const slow = { timeout: 30_000 };
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content.Security.Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text());
    });
    const nonces: string[] = [];
    for (const path of ["/overview", "/releases", "/audit"]) {
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["strict-transport-security"]).toBeUndefined(); // served over http here
      nonces.push(/'nonce-([^']+)'/.exec(headers["content-security-policy"]!)![1]!);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible(slow);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
    // Scripts ran under the policy: the list is fetched client-side, and the filter form is handled by React.
    await page.goto("/releases");
    await expect(page.getByRole("table", { name: "Releases" })).toBeVisible(slow);
    await page.getByRole("searchbox", { name: "Search" }).fill("no-such-release-xyz");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page.getByText("No releases match these filters")).toBeVisible(slow);
    expect(violations).toEqual([]);

    for (const path of ["/api/v1/health", "/api/v1/releases", "/api/auth/csrf", "/signin"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    }
  });
});

test.describe("limits and bad input", () => {
  const bearer = () => ({ authorization: `Bearer ${adminToken}` });

  test("a 2 MiB body is a 413, whether its length is declared or it arrives chunked", async ({ request }) => {
    await waitForQuiescence();
    const before = await fingerprint();
    const big = JSON.stringify({ ...releaseBody(`8.0.${unique()}`), notes: "x".repeat(2 * 1024 * 1024) });
    const declared = await request.post("/api/v1/releases", { headers: { ...bearer(), "content-type": "application/json" }, data: big });
    expect(declared.status()).toBe(413);
    expect((await declared.json()).detail).toContain("1048576 bytes");

    const chunked = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(`${appUrl}/api/v1/releases`, {
        method: "POST",
        headers: { ...bearer(), "content-type": "application/json", "transfer-encoding": "chunked" },
      });
      outgoing.on("response", (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      outgoing.on("error", reject);
      const bytes = Buffer.from(big);
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024) outgoing.write(bytes.subarray(offset, offset + 64 * 1024));
      outgoing.end();
    });
    expect(chunked).toBe(413);
    expect(await fingerprint()).toEqual(before);
  });

  test("NUL, a cursor beyond 64 bits and dates out of range are 422s naming the field", async ({ request }) => {
    await waitForQuiescence();
    const before = await fingerprint();
    const nul = await request.post("/api/v1/releases", {
      headers: bearer(),
      data: { ...releaseBody(`8.1.${unique()}`), notes: "before\u0000after" },
    });
    expect(nul.status()).toBe(422);
    expect((await nul.json()).errors).toEqual([expect.objectContaining({ path: "body.notes" })]);

    const cases: [string, string][] = [
      ["/api/v1/audit?before=9223372036854775808", "query.before"],
      ["/api/v1/audit?after=99999999999999999999", "query.after"],
      ["/api/v1/audit?from=%2B275760-09-13T00:00:00Z", "query.from"],
      ["/api/v1/audit?to=-000001-01-01T00:00:00Z", "query.to"],
      ["/api/v1/releases?q=a%00b", "query.q"],
    ];
    for (const [url, field] of cases) {
      const response = await request.get(url, { headers: bearer() });
      expect(response.status(), url).toBe(422);
      expect((await response.json()).errors[0].path, url).toBe(field);
    }
    const freeze = await request.post("/api/v1/environments/staging/freezes", {
      headers: bearer(),
      data: { startsAt: "+275760-09-13T00:00:00Z", endsAt: "+275760-09-13T00:00:00Z", reason: "the end of time" },
    });
    expect(freeze.status()).toBe(422);
    expect((await freeze.json()).errors.map((e: { path: string }) => e.path)).toEqual(["body.startsAt", "body.endsAt"]);
    expect(await fingerprint()).toEqual(before);
  });
});
