// The supervisor's sampler: every 2 s, the CPU time and memory of each running revision's process group;
// every 5 s, a GET /health straight to each running revision (not through the proxy, so probes are not
// traffic). What the windows and the /metrics gauges read.
import { readProcessGroupUsage } from "./read-process-usage";
import type { RevisionEntry } from "./revision-entry";

const PROCESS_INTERVAL_MS = 2_000;
const PROBE_INTERVAL_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;
// The path verify-revision.ts checks before traffic: the documents' health endpoint.
const HEALTH_PATH = "/health";

async function probe(entry: RevisionEntry): Promise<void> {
  let ok = false;
  try {
    const res = await fetch(`http://127.0.0.1:${entry.record.port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await res.arrayBuffer();
    ok = res.ok;
  } catch {
    ok = false;
  }
  // A revision stopped meanwhile is not unhealthy: it is gone, and its probes end here.
  if (entry.record.state === "running") entry.samples.addProbe({ atMs: Date.now(), ok });
}

export function startRevisionSampling({ entries }: { entries: () => Iterable<RevisionEntry> }): { stop: () => void } {
  const running = () => [...entries()].filter((e) => e.record.state === "running" && e.record.pid);
  const sampleProcesses = async () => {
    const list = running();
    const usage = await readProcessGroupUsage(list.map((e) => e.record.pid!));
    const atMs = Date.now();
    for (const entry of list) {
      const found = usage.get(entry.record.pid!);
      if (found) entry.samples.addProcess({ atMs, cpuSeconds: found.cpuSeconds, rssBytes: found.rssBytes });
    }
  };
  const processTimer = setInterval(
    () => void sampleProcesses().catch((e: Error) => console.error(`sampler: ${e.message}`)),
    PROCESS_INTERVAL_MS,
  );
  const probeTimer = setInterval(() => void Promise.all(running().map(probe)), PROBE_INTERVAL_MS);
  return {
    stop: () => {
      clearInterval(processTimer);
      clearInterval(probeTimer);
    },
  };
}
