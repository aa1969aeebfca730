// One JSON-path assertion against a parsed body: a pure decision with the reason a person reads when it fails.
import { isDeepStrictEqual } from "node:util";
import { parseJsonPath, readJsonPath } from "./json-path";
import type { JsonAssertion } from "./check-schemas";

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === "string" && typeof needle === "string") return haystack.includes(needle);
  return Array.isArray(haystack) && haystack.some((item) => isDeepStrictEqual(item, needle));
}

/** Returns null when the assertion holds, else what failed (e.g. `$.status equals "ok": was "down"`). */
export function evaluateAssertion({ assertion, document }: { assertion: JsonAssertion; document: unknown }): string | null {
  const segments = parseJsonPath(assertion.path);
  if (typeof segments === "string") return `${assertion.path}: ${segments}`;
  const read = readJsonPath(document, segments);
  const label = assertion.path;
  if (assertion.exists !== undefined) {
    if (read.found === assertion.exists) return null;
    return assertion.exists ? `${label} exists: it is missing` : `${label} is absent: it is ${show(read.found ? read.value : undefined)}`;
  }
  if (!read.found) {
    // A missing value is not equal to anything, so "notEquals" holds for it.
    return assertion.notEquals !== undefined ? null : `${label}: missing`;
  }
  const value = read.value;
  if (assertion.equals !== undefined) {
    return isDeepStrictEqual(value, assertion.equals) ? null : `${label} equals ${show(assertion.equals)}: was ${show(value)}`;
  }
  if (assertion.notEquals !== undefined) {
    return isDeepStrictEqual(value, assertion.notEquals) ? `${label} must not equal ${show(assertion.notEquals)}` : null;
  }
  if (assertion.matches !== undefined) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return new RegExp(assertion.matches).test(text) ? null : `${label} matches /${assertion.matches}/: was ${show(value)}`;
  }
  if (assertion.contains !== undefined) {
    return contains(value, assertion.contains) ? null : `${label} contains ${show(assertion.contains)}: was ${show(value)}`;
  }
  return `${label}: the assertion names no comparison`;
}

/** The first failing assertion's reason, or null when all hold. */
export function evaluateAssertions({ assertions, document }: { assertions: JsonAssertion[]; document: unknown }): string | null {
  for (const assertion of assertions) {
    const failure = evaluateAssertion({ assertion, document });
    if (failure) return failure;
  }
  return null;
}
