// The supervisor's control API, on 127.0.0.1 behind a bearer token kept in the (0600) state file:
//   GET /status · POST /revisions · PUT /traffic · DELETE /revisions/:name · GET /metrics · GET /metrics/window
//   · POST /shutdown
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/api/app-error";
import { setTrafficBodySchema, startRevisionBodySchema, windowQuerySchema } from "./control-schemas";
import { toRevisionStatus } from "./revision-entry";
import type { TargetRuntime } from "./target-runtime";

type ApiOptions = { runtime: TargetRuntime; token: string; describe: () => Record<string, unknown>; onShutdown: () => void };

const STATUS_BY_CODE: Record<string, number> = { validation: 422, not_found: 404, conflict: 409 };

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of req) text += chunk;
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("validation", "the body is not JSON");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AppError("validation", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return parsed.data;
}

function isAuthorized(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function route(req: IncomingMessage, { runtime, describe, onShutdown }: ApiOptions): Promise<[number, unknown]> {
  const [pathname = "/"] = (req.url ?? "/").split("?");
  const key = `${req.method} ${pathname.replace(/^\/revisions\/[^/]+$/, "/revisions/:name")}`;
  switch (key) {
    case "GET /status":
      return [200, { ...describe(), revisions: runtime.statuses(), weights: runtime.weights }];
    case "POST /revisions": {
      const entry = await runtime.startRevision(parse(startRevisionBodySchema, await readJson(req)));
      return [200, toRevisionStatus({ record: entry.record, traffic: runtime.traffic(entry.record.name) })];
    }
    case "PUT /traffic":
      await runtime.setTraffic(parse(setTrafficBodySchema, await readJson(req)));
      return [200, { ...describe(), revisions: runtime.statuses(), weights: runtime.weights }];
    case "DELETE /revisions/:name":
      await runtime.stopRevision(decodeURIComponent(pathname.slice("/revisions/".length)));
      return [204, undefined];
    case "GET /metrics":
      return [200, runtime.metrics()];
    case "GET /metrics/window": {
      const query = parse(windowQuerySchema, Object.fromEntries(new URLSearchParams(req.url?.split("?")[1] ?? "")));
      return [200, runtime.window({ seconds: query.seconds, endMs: query.end ?? Date.now() })];
    }
    case "POST /shutdown":
      setImmediate(onShutdown);
      return [202, { shuttingDown: true }];
    default:
      throw new AppError("not_found", `no control route ${key}`);
  }
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

export function createControlApi(options: ApiOptions): Server {
  return createServer((req, res) => {
    if (!isAuthorized(req, options.token)) return reply(res, 401, { error: { code: "unauthenticated", message: "bad control token" } });
    route(req, options).then(
      ([status, body]) => reply(res, status, body),
      (error: unknown) => {
        const code = isAppError(error) ? error.code : "internal";
        reply(res, STATUS_BY_CODE[code] ?? 500, { error: { code, message: (error as Error).message } });
      },
    );
  });
}
