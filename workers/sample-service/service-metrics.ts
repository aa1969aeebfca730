// The sample service's own /metrics in the Prometheus text format, so a Prometheus can scrape it like any
// real service: requests by status, a latency histogram and the process's memory.
const BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Counts = { byStatus: Map<number, number>; buckets: number[]; sum: number; count: number };

export type ServiceMetrics = {
  observe: (options: { status: number; seconds: number }) => void;
  render: (options: { service: string; version: string }) => string;
};

function renderMetrics({ counts, service, version }: { counts: Counts; service: string; version: string }): string {
  const memory = process.memoryUsage();
  const lines = [
    "# HELP sample_service_info The service and version of this process.",
    "# TYPE sample_service_info gauge",
    `sample_service_info{service="${service}",version="${version}"} 1`,
    "# HELP http_requests_total HTTP requests answered, by status code.",
    "# TYPE http_requests_total counter",
    ...[...counts.byStatus].map(([status, n]) => `http_requests_total{status="${status}"} ${n}`),
    "# HELP http_request_duration_seconds Time to answer a request.",
    "# TYPE http_request_duration_seconds histogram",
    ...BUCKETS_SECONDS.map((bound, i) => `http_request_duration_seconds_bucket{le="${bound}"} ${counts.buckets[i]}`),
    `http_request_duration_seconds_bucket{le="+Inf"} ${counts.count}`,
    `http_request_duration_seconds_sum ${counts.sum}`,
    `http_request_duration_seconds_count ${counts.count}`,
    "# HELP process_resident_memory_bytes Resident memory of the process.",
    "# TYPE process_resident_memory_bytes gauge",
    `process_resident_memory_bytes ${memory.rss}`,
    "# HELP nodejs_heap_used_bytes V8 heap in use.",
    "# TYPE nodejs_heap_used_bytes gauge",
    `nodejs_heap_used_bytes ${memory.heapUsed}`,
  ];
  return `${lines.join("\n")}\n`;
}

export function createServiceMetrics(): ServiceMetrics {
  const counts: Counts = { byStatus: new Map(), buckets: BUCKETS_SECONDS.map(() => 0), sum: 0, count: 0 };
  return {
    observe: ({ status, seconds }) => {
      counts.byStatus.set(status, (counts.byStatus.get(status) ?? 0) + 1);
      // Cumulative buckets, as Prometheus histograms are.
      BUCKETS_SECONDS.forEach((bound, i) => {
        if (seconds <= bound) counts.buckets[i]! += 1;
      });
      counts.sum += seconds;
      counts.count += 1;
    },
    render: ({ service, version }) => renderMetrics({ counts, service, version }),
  };
}
