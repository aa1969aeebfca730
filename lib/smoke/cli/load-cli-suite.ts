// Which suite the smoke CLI runs: a file, a service's stored suite, or the built-in one. Problems come back
// as a message for the person at the terminal (exit code 2), never as a stack trace.
import { readFile } from "node:fs/promises";
import { isAppError } from "@/lib/api/app-error";
import { db } from "@/lib/db";
import { BUILT_IN_SMOKE_SUITE } from "../built-in-suite";
import { isEmptySmokeSuite, parseSmokeSuite } from "../parse-smoke-suite";
import type { SmokeSuite } from "../smoke-suite-schema";

export type LoadedSuite = { ok: true; suite: SmokeSuite; source: string } | { ok: false; error: string };

function parsed(value: unknown, where: string, source: string): LoadedSuite {
  try {
    return { ok: true, suite: parseSmokeSuite({ value, where }), source };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fields = (error.fields ?? []).map((f) => `  ${f.path}: ${f.message}`).join("\n");
    return { ok: false, error: `${source} is not a valid smoke suite:\n${fields}` };
  }
}

export async function loadCliSuite({ service, suiteFile }: { service?: string; suiteFile?: string }): Promise<LoadedSuite> {
  if (suiteFile !== undefined) {
    let text: string;
    try {
      text = await readFile(suiteFile, "utf8");
    } catch (error) {
      return { ok: false, error: `cannot read ${suiteFile}: ${(error as Error).message}` };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `${suiteFile} is not JSON: ${(error as Error).message}` };
    }
    return parsed(value, "suite", `the suite file ${suiteFile}`);
  }
  if (service !== undefined) {
    const row = await db.service.findUnique({ where: { slug: service }, select: { smokeSuite: true } });
    if (!row) return { ok: false, error: `there is no service "${service}"` };
    if (isEmptySmokeSuite(row.smokeSuite)) {
      return { ok: false, error: `the service "${service}" has no smoke checks: add them in Settings › Services, or pass --suite <file>` };
    }
    return parsed(row.smokeSuite, "smokeSuite", `the smoke suite of "${service}"`);
  }
  return { ok: true, suite: BUILT_IN_SMOKE_SUITE, source: "the built-in suite" };
}
