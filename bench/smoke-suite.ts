// Smoke runner overhead: the built-in eight-check suite against a real sample service process, 50 runs;
// each run's wall time against the sum of its checks' own latencies (the time spent waiting on the
// service's answers), so what is left is the runner's own cost: sessions, parsing, assertions, scheduling.
//   npm run bench -- smoke      (SMOKE_RUNS=50 by default)
import { BUILT_IN_SMOKE_SUITE } from "@/lib/smoke/built-in-suite";
import { runSmokeSuite } from "@/lib/smoke/run-smoke-suite";
import { startSampleProcess } from "@/lib/smoke/testing/start-sample-process";
import { ms, percentile } from "./bench-stack";

const RUNS = Number(process.env.SMOKE_RUNS ?? 50);
const WARM_UP = 3;

type Sample = { wallMs: number; requestMs: number; checksMs: number; requests: number };

export async function benchSmokeSuite(): Promise<Record<string, string>> {
  const service = await startSampleProcess({ name: "bench-smoke" });
  try {
    const samples: Sample[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i += 1) {
      const began = performance.now();
      const run = await runSmokeSuite({ suite: BUILT_IN_SMOKE_SUITE, baseUrl: service.url });
      const wallMs = performance.now() - began;
      if (!run.summary.passed) throw new Error(`run ${i + 1} failed: ${JSON.stringify(run.results.filter((r) => !r.passed))}`);
      if (i < WARM_UP) continue;
      samples.push({
        wallMs,
        requestMs: run.results.reduce((sum, r) => sum + r.detail.requestMs, 0),
        checksMs: run.results.reduce((sum, r) => sum + r.durationMs, 0),
        requests: run.results.reduce((sum, r) => sum + r.detail.requests, 0),
      });
    }
    const pick = (f: (s: Sample) => number) => samples.map(f);
    const both = (values: number[], unit = ms) => `p50 ${unit(percentile(values, 50))}, p95 ${unit(percentile(values, 95))}`;
    const ratio = (n: number) => `${n.toFixed(2)}×`;
    return {
      runs: `${RUNS} runs of the ${BUILT_IN_SMOKE_SUITE.checks.length}-check suite (${samples[0]!.requests} HTTP requests each), after ${WARM_UP} warm-up runs`,
      "suite wall time": both(pick((s) => s.wallMs)),
      "sum of the checks' own latencies (waiting on the service)": both(pick((s) => s.requestMs)),
      "runner overhead (wall − latencies)": both(pick((s) => s.wallMs - s.requestMs)),
      "wall / latencies": both(
        pick((s) => s.wallMs / s.requestMs),
        ratio,
      ),
      "between checks (wall − sum of check durations)": both(pick((s) => s.wallMs - s.checksMs)),
    };
  } finally {
    await service.stop();
  }
}
