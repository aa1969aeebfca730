// A burst check: `count` requests back to back. Either every one must succeed, or (expectLimitAfter: n)
// the first n succeed and a 429 must come after them, proving the service really limits its clients.
import type { z } from "zod";
import { roundMs, type CheckContext, type CheckOutcome } from "./check-context";
import { openProbe, type ProbeAnswer } from "./open-probe";
import type { burstCheck } from "./smoke-suite-schema";

type BurstCheck = z.infer<typeof burstCheck>;

/** The verdict on the answers, in order: null when it holds, with the answer it rests on. */
export function judgeBurst({ answers, expectLimitAfter }: { answers: Pick<ProbeAnswer, "ok" | "status">[]; expectLimitAfter?: number }): {
  failure: string | null;
  index: number;
} {
  const limit = expectLimitAfter ?? answers.length;
  const firstBad = answers.findIndex((a, i) => i < limit && !a.ok);
  if (firstBad >= 0) {
    const expected = expectLimitAfter === undefined ? "every request to succeed" : `the first ${limit} to succeed`;
    return {
      failure: `expected ${expected}: request ${firstBad + 1} of ${answers.length} answered ${answers[firstBad]!.status}`,
      index: firstBad,
    };
  }
  if (expectLimitAfter === undefined) return { failure: null, index: answers.length - 1 };
  const after = answers.slice(limit);
  const broken = after.findIndex((a) => !a.ok && a.status !== 429);
  if (broken >= 0)
    return {
      failure: `request ${limit + broken + 1} answered ${after[broken]!.status}, neither served nor limited`,
      index: limit + broken,
    };
  const limited = after.findIndex((a) => a.status === 429);
  if (limited < 0) {
    return {
      failure: `a 429 expected after ${limit} requests: all ${answers.length} were served (no rate limit)`,
      index: answers.length - 1,
    };
  }
  return { failure: null, index: limit + limited };
}

export async function runBurstCheck({ check, ctx }: { check: BurstCheck; ctx: CheckContext }): Promise<CheckOutcome> {
  const probe = await openProbe({ probe: check.request, ctx });
  try {
    if (probe.failure)
      return { passed: false, status: null, body: null, latencyMs: null, failedAssertion: probe.failure, note: "not sent" };
    const answers: ProbeAnswer[] = [];
    for (let i = 0; i < check.count; i += 1) answers.push(await probe.send(ctx.signal));
    const { failure, index } = judgeBurst({ answers, expectLimitAfter: check.expectLimitAfter });
    const served = answers.filter((a) => a.ok).length;
    const limited = answers.filter((a) => a.status === 429).length;
    return {
      passed: failure === null,
      status: answers[index]!.status,
      body: answers[index]!.body,
      latencyMs: roundMs(Math.max(...answers.map((a) => a.latencyMs))),
      failedAssertion: failure,
      note: `${check.count} rapid requests: ${served} served, ${limited} limited (429)`,
    };
  } finally {
    await probe.close();
  }
}
