import { describe, expect, it } from "vitest";
import { createMetricsSource } from "./registry";

describe("createMetricsSource", () => {
  it("picks the implementation by type", () => {
    expect(createMetricsSource({ type: "local" }, { localStateDir: "/tmp/unused" }).type).toBe("local");
    expect(createMetricsSource({ type: "prometheus", url: "http://127.0.0.1:9090" }).type).toBe("prometheus");
  });

  it("refuses a bad configuration with a validation error naming the field", () => {
    expect(() => createMetricsSource({ type: "prometheus", url: "ftp://x", queries: { p95: "" } })).toThrow(
      expect.objectContaining({
        code: "validation",
        fields: [expect.objectContaining({ path: "metrics.url" }), expect.objectContaining({ path: "metrics.queries.p95" })],
      }),
    );
    expect(() => createMetricsSource({ type: "datadog" })).toThrow(expect.objectContaining({ code: "validation" }));
  });
});
