import { describe, expect, it } from "vitest";
import { DEFAULT_ANALYSIS_CONFIG } from "./analysis-config";
import { parseServiceAnalysis } from "./service-analysis";

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
