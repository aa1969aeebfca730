// The editor's working copy of a suite: each check keeps the stored fields as they are, plus the parts a form
// edits as rows or text (headers, assertions, JSON params and bodies). `toSuiteInput` turns it back into what
// PUT /smoke-suite takes, or names the fields whose text is not JSON; the server validates everything else.
import type { SmokeCheckKind, SmokeSuite } from "@/lib/smoke/smoke-suite-schema";

export type HeaderRow = { name: string; value: string; isSecret: boolean };
export const ASSERTION_OPERATORS = ["equals", "notEquals", "exists", "matches", "contains"] as const;
export type AssertionOperator = (typeof ASSERTION_OPERATORS)[number];
export type AssertionRow = { path: string; operator: AssertionOperator; value: string };

export type DraftCheck = {
  /** stable across reorders, for React keys and control ids */
  key: string;
  fields: Record<string, unknown> & { kind: SmokeCheckKind; name: string };
  headers: HeaderRow[];
  assertions: AssertionRow[];
  /** JSON text: the request body (http) or the params (jsonrpc, or the repeated request's) */
  jsonText: string;
};
export type SuiteDraft = { checks: DraftCheck[]; timeoutMs: number | undefined; stopAtFirstFailure: boolean };

let counter = 0;
const newKey = () => `check-${(counter += 1)}`;
const toText = (value: unknown) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value, null, 2));

function toDraftCheck(check: Record<string, unknown> & DraftCheck["fields"]): DraftCheck {
  const request = check.request as Record<string, unknown> | undefined;
  const headers = (request?.headers ?? check.headers ?? {}) as Record<string, string | { secret: string }>;
  const assertions = (check.kind === "jsonrpc" ? check.expectResult : check.assertions) as Record<string, unknown>[] | undefined;
  return {
    key: newKey(),
    fields: check,
    headers: Object.entries(headers).map(([name, v]) =>
      typeof v === "string" ? { name, value: v, isSecret: false } : { name, value: v.secret, isSecret: true },
    ),
    assertions: (assertions ?? []).map((a) => {
      const operator = ASSERTION_OPERATORS.find((op) => a[op] !== undefined) ?? "exists";
      return { path: String(a.path), operator, value: operator === "matches" ? String(a.matches) : toText(a[operator]) };
    }),
    jsonText: toText(check.kind === "http" ? check.body : (request?.params ?? check.params)),
  };
}

export function toDraft(suite: SmokeSuite): SuiteDraft {
  return {
    checks: suite.checks.map((c) => toDraftCheck(c as unknown as DraftCheck["fields"])),
    timeoutMs: suite.timeoutMs,
    stopAtFirstFailure: suite.stopAtFirstFailure,
  };
}

const NEW_CHECKS: Record<SmokeCheckKind, Omit<DraftCheck["fields"], "name">> = {
  http: { kind: "http", method: "GET", path: "/health", expectStatus: 200 },
  jsonrpc: { kind: "jsonrpc", path: "/mcp", protocol: "mcp", method: "tools/list" },
  burst: { kind: "burst", request: { type: "http", method: "GET", path: "/health" }, count: 5 },
  latency: { kind: "latency", request: { type: "http", method: "GET", path: "/health" }, count: 5, maxP95Ms: 2000 },
};

export function newDraftCheck(kind: SmokeCheckKind, taken: string[]): DraftCheck {
  let name = `New ${kind} check`;
  for (let n = 2; taken.includes(name); n += 1) name = `New ${kind} check ${n}`;
  return toDraftCheck({ ...NEW_CHECKS[kind], name } as DraftCheck["fields"]);
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function assertionValue({ operator, value }: AssertionRow): unknown {
  if (operator === "exists") return value.trim() !== "false";
  if (operator === "matches") return value;
  return parseLoose(value);
}

export type DraftResult = { input: unknown; errors: Record<string, string> };

function toCheck(draft: DraftCheck, index: number, errors: Record<string, string>): Record<string, unknown> {
  const headers = Object.fromEntries(draft.headers.map((h) => [h.name, h.isSecret ? { secret: h.value } : h.value]));
  const assertions = draft.assertions.map((a) => ({ path: a.path, [a.operator]: assertionValue(a) }));
  let json: unknown = undefined;
  if (draft.jsonText.trim() !== "") {
    try {
      json = JSON.parse(draft.jsonText);
    } catch {
      if (draft.fields.kind === "http") json = draft.jsonText;
      else errors[`checks.${index}.params`] = 'must be JSON, e.g. {"name": "list_repos"}';
    }
  }
  const { kind } = draft.fields;
  if (kind === "http") return { ...draft.fields, headers, assertions, body: json };
  if (kind === "jsonrpc") return { ...draft.fields, headers, expectResult: assertions, params: json };
  const request = draft.fields.request as Record<string, unknown>;
  const extra = request.type === "jsonrpc" ? { params: json } : { body: json };
  return { ...draft.fields, request: { ...request, headers, ...extra } };
}

export function toSuiteInput(draft: SuiteDraft): DraftResult {
  const errors: Record<string, string> = {};
  const checks = draft.checks.map((c, i) => toCheck(c, i, errors));
  return { input: { checks, timeoutMs: draft.timeoutMs, stopAtFirstFailure: draft.stopAtFirstFailure }, errors };
}
