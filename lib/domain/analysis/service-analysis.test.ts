import { describe, expect, it } from "vitest";
import { DEFAULT_ANALYSIS_CONFIG } from "./analysis-config";
import { parseServiceAnalysis, watchSecondsOf } from "./service-analysis";

describe("parseServiceAnalysis", () => {
  it("reads the column's default as disabled with the documents' configuration", () => {
    expect(parseServiceAnalysis({ enabled: false })).toEqual({ ok: true, value: { enabled: false, config: DEFAULT_ANALYSIS_CONFIG } });
  });

  it("keeps an enabled flag and overrides", () => {
    const result = parseServiceAnalysis({ enabled: true, intervalSeconds: 2, minSampleRequests: 20 });
    expect(result).toMatchObject({ ok: true, value: { enabled: true, config: { intervalSeconds: 2, minSampleRequests: 20 } } });
  });

  it("names the bad fields", () => {
    const result = parseServiceAnalysis({ enabled: "yes", intervalSeconds: 0 });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.path).sort()).toEqual(["analysis.enabled", "analysis.intervalSeconds"]);
  });
});

describe("watchSecondsOf", () => {
  it("plans no watch while analysis is off, whatever the watch period says", () => {
    expect(watchSecondsOf({ enabled: false, watchPeriodSeconds: 600 })).toBe(0);
  });

  it("plans the documents' 30 minutes when analysis is on with the defaults, and a configured period otherwise", () => {
    expect(watchSecondsOf({ enabled: true })).toBe(1800);
    expect(watchSecondsOf({ enabled: true, watchPeriodSeconds: 45 })).toBe(45);
    expect(watchSecondsOf({ enabled: true, watchPeriodSeconds: 0 })).toBe(0);
  });

  it("plans the default watch for an invalid stored value, so the rollout is held there saying why", () => {
    expect(watchSecondsOf({ enabled: true, intervalSeconds: 0 })).toBe(1800);
  });
});
