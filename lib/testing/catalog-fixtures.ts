// Set-up of the catalog integration tests: an environment of the run's own, an admin and a developer with
// API tokens, a way to call a route handler as one of them, and the row counts a refused request must keep.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/lib/db";
import { createPerson, type Person } from "./release-fixtures";

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type RouteCall = { as: Person; method?: string; params?: Record<string, string>; body?: unknown; query?: string };

/** Calls a route handler the way Next does, with the person's API token; returns the status and JSON body. */
export async function callRoute(handler: Handler, { as, method, params, body, query }: RouteCall) {
  const request = new Request(`http://test/api/v1/x${query ?? ""}`, {
    method: method ?? (body === undefined ? "GET" : "POST"),
    headers: { authorization: `Bearer ${as.token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params ?? {}) });
  return { status: response.status, body: (await response.json()) as any };
}

export async function createCatalogWorld() {
  const tag = randomBytes(3).toString("hex");
  const order = 3_000_000 + Math.floor(Math.random() * 1_000_000);
  const environment = await getDb().environment.create({ data: { slug: `cat-${tag}`, name: `Catalog ${tag}`, promotionOrder: order } });
  const people = {
    admin: await createPerson("admin", "Ada Admin"),
    developer: await createPerson("developer", "Devon Developer"),
  };
  let count = 0;
  /** A slug no other test of the run uses. */
  const slug = (prefix = "svc") => `${prefix}-${tag}-${(count += 1)}`;
  return { tag, environment, people, slug };
}

/** Rows a refused catalog request must leave as they were. */
export async function countCatalogRows(): Promise<Record<string, number>> {
  const db = getDb();
  const [services, targets, releases, deployments, audit] = await Promise.all([
    db.service.count(),
    db.target.count(),
    db.release.count(),
    db.deployment.count(),
    db.auditEvent.count(),
  ]);
  return { services, targets, releases, deployments, audit };
}

/** The sample service as a local target runs it (as the seed's targets do). */
export const sampleLocalConfig = { command: ["tsx", "workers/sample-service/server.ts"], port: 0 };

type Answer = { status: number; body: any };

/** Sends the request and proves it was refused with `status` and changed no catalog row; returns the problem. */
export async function refused(request: () => Promise<Answer>, status: number) {
  const before = await countCatalogRows();
  const { status: got, body } = await request();
  expect(got, JSON.stringify(body)).toBe(status);
  expect(await countCatalogRows()).toEqual(before);
  return body;
}

/** As `refused`, and the problem names `field` among its errors. */
export async function refusedNaming(request: () => Promise<Answer>, status: number, field: string) {
  const body = await refused(request, status);
  expect(body.errors.map((e: { path: string }) => e.path)).toContain(field);
  return body;
}
