import { describe, expect, it } from "vitest";
import { fromZodError } from "@/lib/api/problem";
import { MAX_RELEASE_ENV_VARS, readReleaseEnv } from "./release-env";
import { createReleaseBody } from "./releases";

const base = { service: "svc", version: "1.0.0", image: "r/x:1", digest: `sha256:${"a".repeat(64)}` };

/** The fields a 422 for this body would name, as the route wrapper builds it. */
function refusedFields(env: unknown): string[] {
  const parsed = createReleaseBody.safeParse({ ...base, env });
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(env)}`);
  return fromZodError(parsed.error, "body").fields!.map((f) => `${f.path}: ${f.message}`);
}

describe("a release's env", () => {
  it("is optional, and kept as given", () => {
    expect(createReleaseBody.parse(base).env).toBeUndefined();
    expect(createReleaseBody.parse({ ...base, env: { ERROR_RATE: "1", LOG_LEVEL: "debug", _X2: "" } }).env).toEqual({
      ERROR_RATE: "1",
      LOG_LEVEL: "debug",
      _X2: "",
    });
  });

  it("refuses bad names and values, naming the variable", () => {
    expect(refusedFields({ log_level: "x" })).toEqual([
      expect.stringMatching(/^body\.env\.log_level: must be an environment variable name/),
    ]);
    expect(refusedFields({ "2FAST": "x" })).toEqual([expect.stringMatching(/^body\.env\.2FAST: /)]);
    expect(refusedFields({ ERROR_RATE: 1 })).toEqual(["body.env.ERROR_RATE: must be a string"]);
    expect(refusedFields({ NOTE: "a\0b" })).toEqual(["body.env.NOTE: must not contain a NUL character"]);
    expect(refusedFields({ NOTE: "x".repeat(5000) })).toEqual(["body.env.NOTE: must be at most 4096 characters"]);
    expect(refusedFields({ PORT: "1" })).toEqual(["body.env.PORT: is set by the platform for every revision"]);
    expect(refusedFields({ DB_PASSWORD: "hunter2" })).toEqual([expect.stringMatching(/^body\.env\.DB_PASSWORD: looks like a secret/)]);
    expect(refusedFields(["ERROR_RATE=1"])).toEqual([expect.stringMatching(/^body\.env: /)]);
  });

  it("has a size limit in count and bytes", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_RELEASE_ENV_VARS + 1 }, (_, i) => [`V${i}`, "x"]));
    expect(refusedFields(many)).toEqual([`body.env: at most ${MAX_RELEASE_ENV_VARS} variables`]);
    const big = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`V${i}`, "x".repeat(4000)]));
    expect(refusedFields(big)).toEqual(["body.env: at most 32 KiB in all"]);
  });

  it("reads a stored value defensively", () => {
    expect(readReleaseEnv({ A: "1", B: 2 })).toEqual({ A: "1" });
    expect(readReleaseEnv(null)).toEqual({});
    expect(readReleaseEnv(["A"])).toEqual({});
  });
});
