// `npm run smoke` as pipelines run it: a real CLI process against real sample service processes, with the
// suite from the built-in template, a file, or a service in the database.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSampleProcess, type SampleProcess } from "../testing/start-sample-process";

const root = path.resolve(import.meta.dirname, "../../..");
let good: SampleProcess;
let bad: SampleProcess;

beforeAll(async () => {
  [good, bad] = await Promise.all([startSampleProcess(), startSampleProcess({ env: { ACCEPT_UNKNOWN_METHODS: "1" } })]);
});
afterAll(async () => {
  await Promise.all([good?.stop(), bad?.stop()]);
});

function smoke(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["lib/tooling/smoke.ts", ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run smoke", () => {
  it("passes against a good sample revision: one plain line per check, a summary, exit 0", async () => {
    const { code, stdout } = await smoke(["--url", good.url]);
    expect(code).toBe(0);
    expect(stdout.match(/^PASS {2}/gm)).toHaveLength(8);
    expect(stdout).toContain("8 checks: 8 passed, 0 failed, 0 skipped");
    expect(stdout).not.toContain("\u001b[");
  });

  it("fails against a bad one with exit 1, naming the failing check", async () => {
    const { code, stdout } = await smoke(["--url", bad.url]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}Invalid method error handling .* — a JSON-RPC error -32601 expected: got a result$/m);
    expect(stdout).toContain("Smoke checks FAILED: Invalid method error handling");
  });

  it("prints JSON for machines with --json, secrets from SMOKE_SECRET_* and never their value", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "smoke-cli-"));
    const file = path.join(dir, "suite.json");
    const check = { kind: "http", name: "Health with a token", path: "/health", headers: { authorization: { secret: "API_TOKEN" } } };
    await writeFile(file, JSON.stringify({ checks: [check] }));
    const { code, stdout } = await smoke(["--url", good.url, "--suite", file, "--json"], {
      SMOKE_SECRET_API_TOKEN: "tok-4b1d-never-shown",
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { summary: { passed: boolean }; results: { name: string }[] };
    expect(report.summary.passed).toBe(true);
    expect(report.results.map((r) => r.name)).toEqual(["Health with a token"]);
    expect(stdout).not.toContain("tok-4b1d-never-shown");
  });

  it("runs a service's stored suite, and says so when the service has none", async () => {
    const checks = [
      { kind: "jsonrpc", name: "tools", method: "tools/list", expectResult: [{ path: "$.tools[*].name", contains: "list_repos" }] },
    ];
    await db.service.create({ data: { slug: "cli-smoke-svc", name: "CLI smoke", smokeSuite: { checks } } });
    await db.service.create({ data: { slug: "cli-smoke-empty", name: "CLI smoke empty", smokeSuite: [] } });
    const stored = await smoke(["--url", good.url, "--service", "cli-smoke-svc"]);
    expect(stored.code).toBe(0);
    expect(stored.stdout).toContain(`Running 1 smoke checks (the smoke suite of "cli-smoke-svc")`);
    const empty = await smoke(["--url", good.url, "--service", "cli-smoke-empty"]);
    expect(empty).toMatchObject({ code: 2, stdout: "" });
    expect(empty.stderr).toContain('the service "cli-smoke-empty" has no smoke checks');
  });

  it("exits 2 on usage errors and on a suite it refuses, naming the field", async () => {
    expect((await smoke(["--url", "file:///etc/passwd"])).code).toBe(2);
    expect((await smoke([])).stderr).toContain("--url is required");
    const dir = await mkdtemp(path.join(tmpdir(), "smoke-cli-"));
    const file = path.join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ checks: [{ kind: "smtp", name: "x", path: "/" }] }));
    const refused = await smoke(["--url", good.url, "--suite", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("suite.checks.0.kind");
  });
});
