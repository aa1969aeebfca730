// Reading a suite from wherever it was kept (Service.smokeSuite, a file for the CLI, a request body):
// validated every time, so a suite edited by hand or stored by an older version is caught before it runs.
import { fromZodError } from "@/lib/api/problem";
import { smokeSuiteSchema, type SmokeSuite } from "./smoke-suite-schema";

/**
 * Parses a stored suite. A bare array is the first stored form (checks only) and gets the suite's
 * defaults. Throws a `validation` AppError naming each bad field under `where` (e.g. `smokeSuite.checks.3.kind`).
 */
export function parseSmokeSuite({ value, where = "smokeSuite" }: { value: unknown; where?: string }): SmokeSuite {
  const input = Array.isArray(value) ? { checks: value } : value;
  const parsed = smokeSuiteSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error, where);
  return parsed.data;
}

/** True when a stored value holds no check at all (nothing to run: say so rather than pass). */
export function isEmptySmokeSuite(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== "object") return false;
  const checks = (value as { checks?: unknown }).checks;
  return Array.isArray(checks) && checks.length === 0;
}

/** The checks of a stored value, unvalidated (a count for readiness, a list for summaries): either form. */
export function storedSmokeChecks(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const checks = value && typeof value === "object" ? (value as { checks?: unknown }).checks : undefined;
  return Array.isArray(checks) ? checks : [];
}
