// What Google Cloud Managed Service for Prometheus shows of Cloud Run's request metrics, for the test
// server's URLs: `run_googleapis_com:request_count` and the `run_googleapis_com:request_latencies`
// histogram (milliseconds), with Cloud Run's labels (project_id, location, service_name, revision_name,
// configuration_name, response_code, response_code_class). A Prometheus scrapes it at GET /metrics of the
// API, standing in for the Cloud Monitoring data behind GMP's query API.
import { Counter, Histogram, Registry } from "prom-client";

export type RequestObservation = { service: string; revision: string; status: number; durationMs: number };

export type CloudRunExposition = { registry: Registry; observe: (request: RequestObservation) => void };

// Cloud Monitoring's request_latencies distribution uses exponential buckets; these cover 1 ms … 10 s.
const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export function createCloudRunExposition({ projectId, region }: { projectId: string; region: string }): CloudRunExposition {
  const registry = new Registry();
  const labelNames = ["monitored_resource", "project_id", "location", "service_name", "revision_name", "configuration_name"] as const;
  const requests = new Counter({
    name: "run_googleapis_com:request_count",
    help: "Number of requests reaching the revision (Cloud Run request_count).",
    labelNames: [...labelNames, "response_code", "response_code_class", "route_type"],
    registers: [registry],
  });
  const latencies = new Histogram({
    name: "run_googleapis_com:request_latencies",
    help: "Request latency in milliseconds (Cloud Run request_latencies).",
    labelNames,
    buckets: LATENCY_BUCKETS_MS,
    registers: [registry],
  });
  return {
    registry,
    observe: ({ service, revision, status, durationMs }) => {
      const labels = {
        monitored_resource: "cloud_run_revision",
        project_id: projectId,
        location: region,
        service_name: service,
        revision_name: revision,
        configuration_name: service,
      };
      const responseClass = `${Math.floor(status / 100)}xx`;
      requests.inc({ ...labels, response_code: String(status), response_code_class: responseClass, route_type: "default" });
      latencies.observe(labels, durationMs);
    },
  };
}
