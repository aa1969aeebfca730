// A latency check: the p95 of `count` requests under `maxP95Ms`. A request is cut off once it passes the
// threshold, and the check stops as soon as too many were slow for the p95 to hold, so a slow service
// fails it in about the threshold's time, not in count × its slowness.
import type { z } from "zod";
import { roundMs, type CheckContext, type CheckOutcome } from "./check-context";
import { openProbe, type ProbeAnswer } from "./open-probe";
import { allowedAbove, percentile } from "./percentile";
import type { latencyCheck } from "./smoke-suite-schema";

type LatencyCheck = z.infer<typeof latencyCheck>;
type Sample = { answer: ProbeAnswer | null; latencyMs: number };

async function sendTimed(probe: { send: (s: AbortSignal) => Promise<ProbeAnswer> }, ctx: CheckContext, maxMs: number): Promise<Sample> {
  const cutoff = new AbortController();
  const timer = setTimeout(() => cutoff.abort(), maxMs + 1);
  const began = performance.now();
  try {
    const answer = await probe.send(AbortSignal.any([ctx.signal, cutoff.signal]));
    return { answer, latencyMs: answer.latencyMs };
  } catch (error) {
    if (ctx.signal.aborted || !cutoff.signal.aborted) throw error;
    return { answer: null, latencyMs: performance.now() - began };
  } finally {
    clearTimeout(timer);
  }
}

export async function runLatencyCheck({ check, ctx }: { check: LatencyCheck; ctx: CheckContext }): Promise<CheckOutcome> {
  const probe = await openProbe({ probe: check.request, ctx });
  try {
    if (probe.failure)
      return { passed: false, status: null, body: null, latencyMs: null, failedAssertion: probe.failure, note: "not sent" };
    const samples: Sample[] = [];
    const mayBeSlow = allowedAbove({ count: check.count, p: 95 });
    for (let i = 0; i < check.count; i += 1) {
      const sample = await sendTimed(probe, ctx, check.maxP95Ms);
      samples.push(sample);
      const status = sample.answer?.status;
      if (check.expectStatus !== undefined && status !== undefined && status !== check.expectStatus) {
        const failure = `status ${check.expectStatus} expected: request ${i + 1} answered ${status}`;
        return {
          passed: false,
          status,
          body: sample.answer!.body,
          latencyMs: roundMs(sample.latencyMs),
          failedAssertion: failure,
          note: failure,
        };
      }
      if (samples.filter((s) => s.latencyMs > check.maxP95Ms).length > mayBeSlow) {
        const failure = `p95 under ${check.maxP95Ms} ms expected: request ${i + 1} of ${check.count} took ${sample.answer ? roundMs(sample.latencyMs) : `over ${check.maxP95Ms}`} ms`;
        return {
          passed: false,
          status: status ?? null,
          body: sample.answer?.body ?? null,
          latencyMs: roundMs(sample.latencyMs),
          failedAssertion: failure,
          note: failure,
        };
      }
    }
    const p95 = percentile({ values: samples.map((s) => s.latencyMs), p: 95 })!;
    const last = samples.findLast((s) => s.answer)?.answer;
    return {
      passed: true,
      status: last?.status ?? null,
      body: last?.body ?? null,
      latencyMs: roundMs(p95),
      failedAssertion: null,
      note: `p95 ${roundMs(p95)} ms over ${check.count} requests`,
    };
  } finally {
    await probe.close();
  }
}
