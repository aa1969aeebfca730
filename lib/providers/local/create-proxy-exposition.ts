// The proxy's counters in the Prometheus text format, so Prometheus scrapes a local target like any
// service: requests by status class, a latency histogram, and each revision's CPU time, resident memory,
// memory limit and failing health probes, every series labelled with `target` and `revision`.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { LATENCY_BOUNDS_MS, type RecordedRequest, statusClassOf } from "./request-metrics";
import type { RevisionSamples } from "./revision-samples";

export type ExposedRevision = { name: string; isRunning: boolean; samples: RevisionSamples };

export type ProxyExposition = {
  registry: Registry;
  /** Creates the revision's series at 0, so that rate() and increase() count its very first requests. */
  addRevision: (revision: string) => void;
  observe: (revision: string, request: RecordedRequest) => void;
};

const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"];

export function createProxyExposition({
  targetId,
  revisions,
  memoryLimitBytes,
}: {
  targetId: string;
  revisions: () => ExposedRevision[];
  memoryLimitBytes: number;
}): ProxyExposition {
  const registry = new Registry();
  const registers = [registry];
  const labelNames = ["target", "revision"] as const;
  const running = () => revisions().filter((r) => r.isRunning);
  const requests = new Counter({
    name: "flightdeck_proxy_requests_total",
    help: "Requests the local proxy sent to a revision, by status class (undeliverable ones count as 5xx).",
    labelNames: [...labelNames, "status_class"],
    registers,
  });
  const duration = new Histogram({
    name: "flightdeck_proxy_request_duration_seconds",
    help: "Time from the proxy receiving a request to the revision's response ending.",
    labelNames,
    buckets: LATENCY_BOUNDS_MS.map((ms) => ms / 1000),
    registers,
  });
  // Process readings come from the supervisor's sampler (every 2 s); a stopped revision's series go away.
  new Counter({
    name: "flightdeck_revision_cpu_seconds_total",
    help: "CPU time (user + system) of the revision's process group.",
    labelNames,
    registers,
    collect() {
      this.reset();
      for (const r of running()) this.inc({ target: targetId, revision: r.name }, r.samples.latestProcess()?.cpuSeconds ?? 0);
    },
  });
  const gauge = (name: string, help: string, read: (r: ExposedRevision) => number | undefined) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      collect() {
        this.reset();
        for (const r of running()) {
          const value = read(r);
          if (value !== undefined) this.set({ target: targetId, revision: r.name }, value);
        }
      },
    });
  gauge(
    "flightdeck_revision_resident_memory_bytes",
    "Resident memory of the revision's process group.",
    (r) => r.samples.latestProcess()?.rssBytes,
  );
  gauge("flightdeck_revision_memory_limit_bytes", "The memory the revision may use (local: the machine's).", () => memoryLimitBytes);
  gauge("flightdeck_revision_health_check_consecutive_failures", "Failed GET /health probes since the last success.", (r) =>
    r.samples.consecutiveFailures(),
  );
  return {
    registry,
    addRevision: (revision) => {
      for (const status_class of STATUS_CLASSES) requests.inc({ target: targetId, revision, status_class }, 0);
      duration.zero({ target: targetId, revision });
    },
    observe: (revision, { status, ms }) => {
      requests.inc({ target: targetId, revision, status_class: statusClassOf(status) });
      duration.observe({ target: targetId, revision }, ms / 1000);
    },
  };
}
