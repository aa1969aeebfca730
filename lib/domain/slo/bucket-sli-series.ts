// Rollup rows grouped into the chart's steps: each point is the SLI of one step (requests, errors and the
// histogram summed; CPU and memory averaged), with availability and error rate only where the step had
// requests — an empty step is a gap in the line, never a 100 % or a 0 %.
import { summarizeSliRows, type SliRow } from "./summarize-sli-rows";

export type SliPoint = {
  t: string;
  requests: number;
  errors: number;
  availability: number | null;
  errorRate: number | null;
  p95: number | null;
  p99: number | null;
  cpu: number | null;
  memory: number | null;
};

export function bucketSliSeries({
  rows,
  from,
  to,
  stepMs,
  boundsMs,
}: {
  rows: readonly (SliRow & { bucketStart: Date })[];
  from: Date;
  to: Date;
  stepMs: number;
  boundsMs: readonly number[];
}): SliPoint[] {
  const first = Math.floor(from.getTime() / stepMs) * stepMs;
  const steps = new Map<number, SliRow[]>();
  for (const row of rows) {
    const step = Math.floor(row.bucketStart.getTime() / stepMs) * stepMs;
    const list = steps.get(step) ?? [];
    list.push(row);
    steps.set(step, list);
  }
  const points: SliPoint[] = [];
  for (let t = first; t < to.getTime(); t += stepMs) {
    const sli = summarizeSliRows({ rows: steps.get(t) ?? [], boundsMs });
    const errorRate = sli.requests > 0 ? (sli.errors / sli.requests) * 100 : null;
    points.push({
      t: new Date(t).toISOString(),
      requests: sli.requests,
      errors: sli.errors,
      availability: errorRate === null ? null : 100 - errorRate,
      errorRate,
      p95: sli.p95Ms,
      p99: sli.p99Ms,
      cpu: sli.cpu,
      memory: sli.memory,
    });
  }
  return points;
}
