// The metrics an analysis can judge, defined once for the sources (lib/metrics), the decision and the UI.
// Each has one unit everywhere: a trigger's threshold, a measurement's value and a chart's axis agree.

export const METRIC_NAMES = ["request_rate", "error_rate", "p95", "p99", "cpu", "memory", "health_failures"] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export type MetricInfo = {
  label: string;
  unit: string;
  /**
   * Computed from requests, so it means nothing without traffic: the minimum-sample guard applies, and the
   * measurement's sampleCount is the number of requests in the window. Other metrics count their own samples
   * (process readings, health probes).
   */
  needsTraffic: boolean;
  /**
   * The smallest rise over the stable revision that a baseline trigger calls a regression, in the metric's
   * unit. Below it a percentage is noise: 0.6 ms against 0.4 ms is +50 % inside one histogram bucket, and one
   * 5xx in 300 requests against none is "infinitely" worse.
   */
  baselineNoiseFloor: number;
};

export const METRICS: Record<MetricName, MetricInfo> = {
  request_rate: { label: "Request rate", unit: "req/s", needsTraffic: false, baselineNoiseFloor: 0 },
  // Percentage points: the candidate must be half a point worse, not merely 50 % of almost nothing.
  error_rate: { label: "Error rate (5xx)", unit: "%", needsTraffic: true, baselineNoiseFloor: 0.5 },
  p95: { label: "p95 latency", unit: "ms", needsTraffic: true, baselineNoiseFloor: 5 },
  p99: { label: "p99 latency", unit: "ms", needsTraffic: true, baselineNoiseFloor: 5 },
  // Percent of one core, as `top` shows it: a process busy on two cores reads 200.
  cpu: { label: "CPU", unit: "% of a core", needsTraffic: false, baselineNoiseFloor: 5 },
  memory: { label: "Memory", unit: "% of the limit", needsTraffic: false, baselineNoiseFloor: 2 },
  health_failures: { label: "Consecutive health-check failures", unit: "failures", needsTraffic: false, baselineNoiseFloor: 1 },
};

/** "5.2 %", "840 ms": a value as a person reads it next to its threshold. */
export function formatMetricValue({ metric, value }: { metric: MetricName; value: number | null }): string {
  if (value === null) return "no data";
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  const unit = METRICS[metric].unit;
  return unit === "%" ? `${rounded} %` : `${rounded} ${unit}`;
}
