// The API's guards through the real route handlers and the run's database: cookie-borne changes from another
// origin or not declared JSON are refused before anyone is looked up, token calls are not; oversized
// bodies get 413 (declared or streamed); NUL characters, bigint-overflowing cursors and out-of-range dates
// get 422 naming the field; `%` and `_` search literally; the switched-off test clock is a 404 for all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { countRows, createReleaseWorld, digestOf } from "@/lib/testing/release-fixtures";
import * as auditRoute from "./audit/route";
import * as approvalsRoute from "./releases/[id]/approvals/route";
import * as releasesRoute from "./releases/route";
import * as clockRoute from "./test/clock/route";
import * as usersRoute from "./users/route";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type World = Awaited<ReturnType<typeof createReleaseWorld>>;
let world: World;

const APP = "http://flightdeck.test:3000";
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function send(
  handler: Handler,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit; path?: string; params?: Record<string, string> },
) {
  const request = new Request(`${APP}/api/v1${init.path ?? "/x"}`, {
    method: init.method ?? "POST",
    headers: { host: "flightdeck.test:3000", ...init.headers },
    body: init.body,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, ctx(init.params));
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const bearer = (who: keyof World["people"] = "developer") => ({ authorization: `Bearer ${world.people[who].token}` });
const cookie = { cookie: "next-auth.session-token=stolen-by-no-one" };
const newRelease = (version: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ service: world.service.slug, version, image: `svc:${version}`, digest: digestOf(version), ...extra });

/** Everything a refused request could have touched. */
async function snapshot() {
  const db = getDb();
  return { rows: await countRows(), releases: await db.release.count(), users: await db.user.count() };
}

beforeAll(async () => {
  world = await createReleaseWorld();
});
afterAll(() => disconnectDb());

describe("cross-site requests with the session cookie", () => {
  it("are refused — other origin, no origin, text/plain — before sign-in is checked, changing nothing", async () => {
    const release = await world.createRelease();
    const before = await snapshot();
    const attempts: [Handler, Record<string, string>, string, Record<string, string>?][] = [
      [releasesRoute.POST, { ...cookie, origin: "http://flightdeck.test:4000", "content-type": "application/json" }, newRelease("6.6.6")],
      [releasesRoute.POST, { ...cookie, origin: "http://flightdeck.test:4000", "content-type": "text/plain" }, newRelease("6.6.7")],
      [
        usersRoute.POST,
        { ...cookie, "content-type": "application/json" },
        JSON.stringify({ email: "x@evil.test", name: "X", role: "admin", password: "p".repeat(20) }),
      ],
      [
        approvalsRoute.POST,
        { ...cookie, origin: "null", "content-type": "application/json" },
        JSON.stringify({ environment: world.production.slug, decision: "approve" }),
        { id: release.id },
      ],
    ];
    for (const [handler, headers, body, params] of attempts) {
      const answer = await send(handler, { headers, body, params });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.detail).toMatch(/Origin|came from/);
    }
    const plain = await send(releasesRoute.POST, {
      headers: { ...cookie, origin: APP, "content-type": "text/plain;charset=UTF-8" },
      body: newRelease("6.6.8"),
    });
    expect(plain.status).toBe(415);
    expect(plain.body.detail).toContain("Content-Type: application/json");
    expect(await snapshot()).toEqual(before);
  });

  // (A same-origin JSON call with a real session is the app's own journeys, in e2e: next-auth's session
  // lookup needs a Next request scope that a handler called from a test does not have.)
  it("do not apply to token calls, whatever their origin or content type", async () => {
    const token = await send(releasesRoute.POST, {
      headers: { ...bearer(), ...cookie, origin: "http://evil.test", "content-type": "text/plain" },
      body: newRelease("6.7.1"),
    });
    expect(token.status).toBe(201);
    expect(token.body.version).toBe("6.7.1");
  });
});

describe("body size limit (1 MiB by default)", () => {
  it("answers 413 to a declared Content-Length above it and to a chunked body that grows past it", async () => {
    const twoMiB = newRelease("7.0.0", { notes: "x".repeat(2 * 1024 * 1024) });
    const before = await snapshot();
    const declared = await send(releasesRoute.POST, {
      headers: { ...bearer(), "content-type": "application/json", "content-length": String(twoMiB.length) },
      body: twoMiB,
    });
    expect(declared.status).toBe(413);
    const bytes = new TextEncoder().encode(twoMiB);
    let offset = 0;
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, (offset += 64 * 1024)));
      },
    });
    const streamed = await send(releasesRoute.POST, { headers: { ...bearer(), "content-type": "application/json" }, body: chunked });
    expect(streamed.status).toBe(413);
    expect(streamed.body.detail).toContain("1048576 bytes");
    expect(offset).toBeLessThan(bytes.length);
    expect(await snapshot()).toEqual(before);
  });
});

describe("input PostgreSQL cannot take is a 422 naming the field", () => {
  it("refuses NUL in a body field, a query value and a path parameter", async () => {
    const before = await snapshot();
    const body = await send(releasesRoute.POST, {
      headers: { ...bearer(), "content-type": "application/json" },
      body: newRelease("8.0.0", { notes: "ok\u0000no" }),
    });
    expect(body.status).toBe(422);
    expect(body.body.errors).toEqual([{ path: "body.notes", message: expect.stringContaining("NUL") }]);
    const query = await send(releasesRoute.GET, { method: "GET", headers: bearer(), path: "/releases?q=a%00b" });
    expect(query.status).toBe(422);
    expect(query.body.errors[0].path).toBe("query.q");
    const param = await send(approvalsRoute.POST, {
      headers: { ...bearer("rm1"), "content-type": "application/json" },
      params: { id: "r\u0000" },
      body: JSON.stringify({ environment: "x", decision: "approve" }),
    });
    expect(param.status).toBe(422);
    expect(param.body.errors[0].path).toBe("params.id");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an audit cursor beyond bigint and dates outside 1970–9999, and still pages at the bigint ceiling", async () => {
    const audit = (query: string) => send(auditRoute.GET, { method: "GET", headers: bearer("viewer"), path: `/audit?${query}` });
    const huge = await audit("before=9223372036854775808");
    expect(huge.status).toBe(422);
    expect(huge.body.errors[0].path).toBe("query.before");
    expect((await audit("before=9223372036854775807")).status).toBe(200);
    for (const [field, value] of [
      ["from", "%2B275760-09-13T00:00:00Z"],
      ["to", "-000001-01-01T00:00:00Z"],
    ]) {
      const answer = await audit(`${field}=${value}`);
      expect(answer.status, value).toBe(422);
      expect(answer.body.errors[0].path).toBe(`query.${field}`);
    }
  });
});

describe("search text is literal", () => {
  it("matches % and _ as characters, not wildcards", async () => {
    const marker = `lit${world.tag}`;
    const literal = await world.createRelease({ version: `9.0.0-${world.tag}` });
    const lookalike = await world.createRelease({ version: `9.0.1-${world.tag}` });
    await getDb().release.update({ where: { id: literal.id }, data: { notes: `${marker} 100% a_b` } });
    await getDb().release.update({ where: { id: lookalike.id }, data: { notes: `${marker} 100x axb` } });
    const search = async (q: string) => {
      const answer = await send(releasesRoute.GET, {
        method: "GET",
        headers: bearer("viewer"),
        path: `/releases?q=${encodeURIComponent(q)}`,
      });
      return (answer.body.items as { id: string }[]).map((item) => item.id);
    };
    expect(await search(`${marker} 100%`)).toEqual([literal.id]);
    expect(await search("a_b")).toEqual([literal.id]);
    expect(await search(`${marker} 100`)).toHaveLength(2);
  });
});

describe("the test clock when FLIGHTDECK_TEST_CLOCK is off", () => {
  it("is a 404 for anonymous callers, viewers and admins alike, and records nothing", async () => {
    const before = await snapshot();
    const body = JSON.stringify({ now: "2026-06-12T10:00:00Z" });
    for (const headers of [{}, bearer("viewer"), bearer("admin"), { ...cookie, origin: "http://evil.test" }]) {
      const answer = await send(clockRoute.PUT, { method: "PUT", headers: { ...headers, "content-type": "application/json" }, body });
      expect(answer.status, JSON.stringify(headers)).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("security headers on API answers", () => {
  it("come with successes and with problems alike", async () => {
    for (const answer of [
      await send(auditRoute.GET, { method: "GET", headers: bearer("viewer"), path: "/audit" }),
      await send(auditRoute.GET, { method: "GET", headers: bearer("viewer"), path: "/audit?actor=%00" }),
    ]) {
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    }
  });
});
