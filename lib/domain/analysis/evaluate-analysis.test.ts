import { describe, expect, it } from "vitest";
import { analysisConfigSchema, DEFAULT_ANALYSIS_CONFIG, type AnalysisConfig, type AnalysisTriggerInput } from "./analysis-config";
import { evaluateAnalysis, type TriggerMeasurement } from "./evaluate-analysis";
import type { Measurement } from "./measurement";
import type { MetricName } from "./metric-names";

const errorRate: AnalysisTriggerInput = {
  kind: "threshold",
  name: "errors",
  metric: "error_rate",
  comparison: ">",
  threshold: 5,
  windowSeconds: 300,
};
const latency: AnalysisTriggerInput = { kind: "baseline", name: "latency", metric: "p95", maxIncreasePercent: 50, windowSeconds: 300 };
const memory: AnalysisTriggerInput = {
  kind: "threshold",
  name: "memory",
  metric: "memory",
  comparison: ">",
  threshold: 90,
  windowSeconds: 300,
};

function config(triggers: AnalysisTriggerInput[], overrides: Partial<AnalysisConfig> = {}): AnalysisConfig {
  return analysisConfigSchema.parse({ triggers, ...overrides });
}

function measured(metric: MetricName, value: number | null, sampleCount: number, revision = "cand"): Measurement {
  return {
    metric,
    revision,
    value,
    sampleCount,
    query: `q(${metric})`,
    windowSeconds: 300,
    measuredAt: "2026-12-01T10:00:00Z",
    phase: "ok",
  };
}

function failed(metric: MetricName): Measurement {
  return { ...measured(metric, null, 0), phase: "error", error: "HTTP 503 from Prometheus" };
}

/** One measurement of `trigger`: the candidate's value and request count, and optionally the stable's. */
function tick(trigger: string, candidate: Measurement, stable: Measurement | null = null): TriggerMeasurement {
  return { trigger, candidate, stable };
}

const errors = (value: number | null, requests = 200) => tick("errors", measured("error_rate", value, requests));

describe("evaluateAnalysis: verdicts", () => {
  it("is healthy while the candidate stays under the threshold", () => {
    const decision = evaluateAnalysis({ config: config([errorRate]), history: [errors(2)], final: true });
    expect(decision).toMatchObject({ verdict: "healthy", reason: "all 1 acting triggers healthy" });
    expect(decision.perTrigger[0]).toMatchObject({
      verdict: "healthy",
      reason: "2 % ≤ 5 % over 300 s",
      threshold: "error_rate > 5 % over 300 s",
    });
  });

  it("rolls back on the first breach with failureLimit 0, naming the trigger and the breaching value even after a pass", () => {
    const decision = evaluateAnalysis({ config: config([errorRate]), history: [errors(2), errors(20), errors(3)], final: false });
    expect(decision.verdict).toBe("rollback");
    expect(decision.reason).toBe("errors: 1 breach (failure limit 0); last: 20 % > 5 % over 300 s");
  });

  it("reports a failed query as error, and the worst acting trigger decides the run", () => {
    const history = [errors(1), tick("memory", failed("memory"))];
    expect(evaluateAnalysis({ config: config([errorRate, memory]), history, final: false })).toMatchObject({
      verdict: "error",
      reason: "memory: the candidate's query failed: HTTP 503 from Prometheus (1 in a row, limit 4)",
    });
    const breach = [...history, errors(9)];
    expect(evaluateAnalysis({ config: config([errorRate, memory]), history: breach, final: false }).verdict).toBe("rollback");
  });

  it("is inconclusive when there is no data although the window had requests", () => {
    const decision = evaluateAnalysis({ config: config([errorRate]), history: [errors(null, 120)], final: false });
    expect(decision).toMatchObject({
      verdict: "inconclusive",
      reason: "errors: 1 inconclusive measurements (limit 0); latest: no data for the candidate despite 120 samples",
    });
  });

  it("is inconclusive at the end when a trigger was never measured", () => {
    expect(evaluateAnalysis({ config: config([errorRate]), history: [], final: true })).toMatchObject({
      verdict: "inconclusive",
      reason: "errors: never measured",
    });
    expect(evaluateAnalysis({ config: config([errorRate]), history: [], final: false })).toMatchObject({ verdict: "healthy" });
  });
});

describe("evaluateAnalysis: limits", () => {
  it("failureLimit 2 tolerates two breaches and rolls back on the third", () => {
    const limits = config([errorRate], { failureLimit: 2 });
    const two = [errors(7), errors(3), errors(8), errors(4)];
    expect(evaluateAnalysis({ config: limits, history: two, final: false }).verdict).toBe("healthy");
    const three = [...two, errors(6)];
    expect(evaluateAnalysis({ config: limits, history: three, final: false }).reason).toBe(
      "errors: 3 breaches (failure limit 2); last: 6 % > 5 % over 300 s",
    );
  });

  it("consecutiveErrorLimit 2 counts errors in a row only: 2 is error, 3 is inconclusive, a success resets", () => {
    const limits = config([errorRate], { consecutiveErrorLimit: 2 });
    const error = tick("errors", failed("error_rate"));
    const verdict = (history: TriggerMeasurement[]) => evaluateAnalysis({ config: limits, history, final: false }).verdict;
    expect(verdict([error, error])).toBe("error");
    expect(verdict([error, error, error])).toBe("inconclusive");
    expect(verdict([error, error, errors(1), error])).toBe("error");
    expect(verdict([error, error, errors(1)])).toBe("healthy");
    expect(evaluateAnalysis({ config: limits, history: [error, error, error], final: false }).reason).toBe(
      "errors: the query failed 3 times in a row (limit 2): the candidate's query failed: HTTP 503 from Prometheus",
    );
  });

  it("inconclusiveLimit 1 tolerates one no-data measurement, saying so, and stops at the second", () => {
    const limits = config([errorRate], { inconclusiveLimit: 1 });
    const once = evaluateAnalysis({ config: limits, history: [errors(null, 80), errors(1)], final: false });
    expect(once.verdict).toBe("healthy");
    const latestInconclusive = evaluateAnalysis({ config: limits, history: [errors(1), errors(null, 80)], final: false });
    expect(latestInconclusive.perTrigger[0]!.reason).toBe(
      "tolerated: no data for the candidate despite 80 samples (1 inconclusive, limit 1)",
    );
    expect(evaluateAnalysis({ config: limits, history: [errors(null, 80), errors(null, 90)], final: false }).verdict).toBe("inconclusive");
  });
});

describe("evaluateAnalysis: minimum-sample guard", () => {
  // 49 requests at 20 % errors would breach 5 %, but 49 < 50: never a rollback on so little.
  const thin = [errors(20, 49)];

  it("waits while the step runs, without a rollback", () => {
    const decision = evaluateAnalysis({ config: config([errorRate]), history: thin, final: false });
    expect(decision).toMatchObject({ verdict: "healthy", reason: "no breach; waiting for enough samples for errors" });
    expect(decision.perTrigger[0]).toMatchObject({
      waiting: true,
      reason: "waiting for traffic: the candidate had 49 samples in 300 s, fewer than the 50 required",
    });
  });

  it("pauses for a person at the end of the step under the `pause` policy", () => {
    expect(evaluateAnalysis({ config: config([errorRate]), history: thin, final: true })).toMatchObject({
      verdict: "inconclusive",
      reason: "errors: too little traffic to judge, a person decides: the candidate had 49 samples in 300 s, fewer than the 50 required",
    });
  });

  it("passes at the end under the `pass` policy, and says so", () => {
    const decision = evaluateAnalysis({ config: config([errorRate], { lowTrafficPolicy: "pass" }), history: thin, final: true });
    expect(decision).toMatchObject({ verdict: "healthy", reason: "all 1 acting triggers healthy (some by the low-traffic policy)" });
    expect(decision.perTrigger[0]).toMatchObject({ passedByPolicy: true });
  });

  it("judges 50 requests (the minimum) and a window that gathered enough later", () => {
    expect(evaluateAnalysis({ config: config([errorRate]), history: [errors(6, 50)], final: false }).verdict).toBe("rollback");
    expect(evaluateAnalysis({ config: config([errorRate]), history: [...thin, errors(3, 120)], final: true }).verdict).toBe("healthy");
  });

  it("applies to traffic metrics only: memory is judged on any reading, but not on none", () => {
    const high = tick("memory", measured("memory", 95, 3));
    expect(evaluateAnalysis({ config: config([memory]), history: [high], final: false }).verdict).toBe("rollback");
    const none = tick("memory", measured("memory", null, 0));
    expect(evaluateAnalysis({ config: config([memory]), history: [none], final: true }).verdict).toBe("inconclusive");
  });
});

describe("evaluateAnalysis: baseline comparison", () => {
  const p95 = (candidate: number | null, stable: number | null, stableRequests = 400) =>
    tick("latency", measured("p95", candidate, 100), stable === null ? null : measured("p95", stable, stableRequests, "stable"));
  const decide = (history: TriggerMeasurement[], final = false) => evaluateAnalysis({ config: config([latency]), history, final });

  it("breaches above stable × 1.5 and passes at or below it", () => {
    // stable 100 ms, limit 150 ms: 160 ms is +60 %, 150 ms is exactly the limit, 140 ms is +40 %.
    expect(decide([p95(160, 100)]).reason).toBe(
      "latency: 1 breach (failure limit 0); last: candidate 160 ms vs stable 100 ms (+60 %; limit +50 %, 150 ms) over 300 s",
    );
    expect(decide([p95(150, 100)]).verdict).toBe("healthy");
    expect(decide([p95(140, 100)]).perTrigger[0]!.reason).toBe("candidate 140 ms vs stable 100 ms (+40 %; limit +50 %, 150 ms) over 300 s");
  });

  it("needs the candidate above the metric's noise floor too: 5 ms of latency, half a point of error rate", () => {
    // stable 0.4 ms: +50 % would be 0.6 ms, the floor makes the limit 5.4 ms; 0.9 ms (+125 %) is noise, 6 ms is not.
    expect(decide([p95(0.9, 0.4)]).perTrigger[0]!.latest).toMatchObject({
      outcome: "pass",
      reason: "candidate 0.9 ms vs stable 0.4 ms (+125 %; limit stable + 5 ms, 5.4 ms) over 300 s",
    });
    expect(decide([p95(6, 0.4)]).verdict).toBe("rollback");
    // A stable value of 0: the floor alone is the limit.
    expect(decide([p95(1, 0)]).perTrigger[0]!.latest!.reason).toBe(
      "candidate 1 ms vs stable 0 ms (against a stable value of 0; limit stable + 5 ms, 5 ms) over 300 s",
    );
    const errorsVsStable: AnalysisTriggerInput = {
      kind: "baseline",
      name: "errors",
      metric: "error_rate",
      maxIncreasePercent: 50,
      windowSeconds: 300,
    };
    const errorTick = (candidate: number, stable: number) =>
      tick("errors", measured("error_rate", candidate, 300), measured("error_rate", stable, 300, "stable"));
    const judge = (c: number, s: number) =>
      evaluateAnalysis({ config: config([errorsVsStable]), history: [errorTick(c, s)], final: false });
    // One 5xx in 300 requests (0.33 %) against none is within the half point; 0.6 % is not. At 2 % vs 1 %, +50 % (1.5 %) binds.
    expect(judge(0.33, 0).verdict).toBe("healthy");
    expect(judge(0.6, 0).verdict).toBe("rollback");
    expect(judge(1.6, 1).perTrigger[0]!.latest!.reason).toBe("candidate 1.6 % vs stable 1 % (+60 %; limit +50 %, 1.5 %) over 300 s");
    expect(judge(1.6, 1).verdict).toBe("rollback");
  });

  it("is inconclusive without a stable revision, and waits while the stable has too few requests", () => {
    expect(decide([p95(160, null)]).reason).toBe(
      "latency: 1 inconclusive measurements (limit 0); latest: no stable revision to compare with",
    );
    expect(decide([p95(160, 100, 10)]).perTrigger[0]).toMatchObject({ verdict: "healthy", waiting: true });
    expect(decide([p95(160, 100, 10)], true).verdict).toBe("inconclusive");
  });
});

describe("evaluateAnalysis: dry runs and disabled triggers", () => {
  it("records a dry-run trigger's breach without acting on it", () => {
    const dry = config([{ ...errorRate, dryRun: true }, { ...memory }]);
    const decision = evaluateAnalysis({ config: dry, history: [errors(30), tick("memory", measured("memory", 40, 5))], final: true });
    expect(decision.verdict).toBe("healthy");
    expect(decision.perTrigger.find((t) => t.name === "errors")).toMatchObject({ dryRun: true, verdict: "rollback" });
  });

  it("is healthy, saying why, when every trigger is a dry run; ignores disabled triggers", () => {
    expect(evaluateAnalysis({ config: config([{ ...errorRate, dryRun: true }]), history: [errors(30)], final: true }).reason).toBe(
      "no enabled trigger acts (all are off or dry runs)",
    );
    const off = evaluateAnalysis({
      config: config([{ ...errorRate, enabled: false }, memory]),
      history: [errors(30), tick("memory", measured("memory", 10, 2))],
      final: true,
    });
    expect(off).toMatchObject({ verdict: "healthy" });
    expect(off.perTrigger.map((t) => t.name)).toEqual(["memory"]);
  });
});

describe("the documents' defaults", () => {
  it("measure every 10 s, watch 30 min after full traffic, with Argo Rollouts' limits, a 50-request guard that pauses, and the documents' triggers", () => {
    expect(DEFAULT_ANALYSIS_CONFIG).toMatchObject({
      watchPeriodSeconds: 1800,
      intervalSeconds: 10,
      failureLimit: 0,
      consecutiveErrorLimit: 4,
      inconclusiveLimit: 0,
      minSampleRequests: 50,
      lowTrafficPolicy: "pause",
    });
    expect(
      DEFAULT_ANALYSIS_CONFIG.triggers.map((t) => [
        t.metric,
        t.kind === "threshold" ? t.threshold : t.maxIncreasePercent,
        t.windowSeconds,
        t.dryRun,
      ]),
    ).toEqual([
      ["error_rate", 5, 300, false],
      ["p99", 10_000, 300, false],
      ["health_failures", 3, 60, false],
      ["memory", 90, 300, false],
      ["error_rate", 1, 600, true],
      ["p95", 50, 300, true],
    ]);
  });

  it("roll back a 6 % error rate on the 5 % trigger while the 1 % one only records its breach", () => {
    const history = DEFAULT_ANALYSIS_CONFIG.triggers.map((t) =>
      tick(
        t.name,
        measured(t.metric, { error_rate: 6, p99: 900, health_failures: 0, memory: 30, p95: 100, cpu: 5, request_rate: 9 }[t.metric], 300),
        measured(t.metric, 90, 300, "stable"),
      ),
    );
    const decision = evaluateAnalysis({ config: DEFAULT_ANALYSIS_CONFIG, history, final: false });
    expect(decision.reason).toBe("Error rate above 5% over 5 min: 1 breach (failure limit 0); last: 6 % > 5 % over 300 s");
    expect(decision.perTrigger.filter((t) => t.verdict === "rollback").map((t) => [t.name, t.dryRun])).toEqual([
      ["Error rate above 5% over 5 min", false],
      ["Error rate above 1% for 10 min", true],
    ]);
  });

  it("refuse a configuration with two triggers of one name, naming the field", () => {
    const parsed = analysisConfigSchema.safeParse({ triggers: [errorRate, errorRate] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["triggers", 1, "name"], message: "trigger names must be unique" });
  });
});
