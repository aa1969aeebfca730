import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { causeCodeOf, isRetryable, toProviderError } from "./to-provider-error";
import { withRetry } from "./with-retry";

const googleError = (code: number, message: string, extra: object = {}) => Object.assign(new Error(message), { code, ...extra });
const map = (error: unknown) =>
  toProviderError({ error, action: "deploy revision api-v2", principal: "deployer@p.iam.gserviceaccount.com" });

describe("toProviderError", () => {
  it("names the refused permission and the account, and keeps the GoogleError as its cause", () => {
    const cause = googleError(7, "Permission 'run.services.update' denied", { errorInfoMetadata: { permission: "run.services.update" } });
    const error = map(cause);
    expect(error).toMatchObject({ code: "forbidden", extra: { permission: "run.services.update" } });
    expect(error.message).toMatch(
      /^Cloud Run refused permission run\.services\.update to deployer@p\.iam\.gserviceaccount\.com while trying to deploy revision api-v2: grant /,
    );
    expect(causeCodeOf(error)).toBe(7);
  });

  it.each([
    [5, "not_found", /check the target's project, region and service/],
    [8, "unavailable", /quota exceeded/],
    [9, "conflict", /^Cloud Run could not deploy revision api-v2: /],
    [6, "conflict", /^Cloud Run could not/],
    [3, "validation", /^Cloud Run refused the request/],
    [16, "unavailable", /did not accept the credentials of deployer@/],
    [13, "unavailable", /\(code 13\)/],
  ] as const)("maps gRPC code %i to %s", (code, appCode, message) => {
    const error = map(googleError(code, "Google's words"));
    expect(error).toMatchObject({ code: appCode });
    expect(error.message).toMatch(message);
    expect(error.message).toContain("Google's words");
  });

  it("passes an AppError through unchanged", () => {
    const original = new AppError("validation", "bad key");
    expect(map(original)).toBe(original);
  });
});

describe("withRetry", () => {
  it("retries what is safe to repeat (quota, unavailable) until it succeeds, and nothing else", async () => {
    expect([8, 14, 4].map((code) => isRetryable(googleError(code, "")))).toEqual([true, true, true]);
    expect([7, 5, 9, 13].map((code) => isRetryable(googleError(code, "")))).toEqual([false, false, false, false]);
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw googleError(8, "quota");
        return "done";
      },
      { initialDelayMs: 1 },
    );
    expect({ result, calls }).toEqual({ result: "done", calls: 3 });
    let refused = 0;
    await expect(withRetry(async () => ((refused += 1), Promise.reject(googleError(7, "denied"))), { initialDelayMs: 1 })).rejects.toThrow(
      "denied",
    );
    expect(refused).toBe(1);
    let exhausted = 0;
    await expect(
      withRetry(async () => ((exhausted += 1), Promise.reject(googleError(8, "quota"))), { initialDelayMs: 1, attempts: 4 }),
    ).rejects.toThrow("quota");
    expect(exhausted).toBe(4);
  });
});
