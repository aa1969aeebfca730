// The supervisor's model of its target: the revision processes, the traffic weights and the picker the
// proxy asks for every request. Every change is persisted to the state file before it is acknowledged.
import { totalmem } from "node:os";
import path from "node:path";
import { AppError } from "@/lib/api/app-error";
import type { TargetMetrics } from "../types";
import { chooseRevisionsToRetire } from "./choose-revisions-to-retire";
import type { SetTrafficBody, StartRevisionBody } from "./control-schemas";
import type { ProxyExposition } from "./create-proxy-exposition";
import { readTargetWindow, type TargetWindow } from "./read-target-window";
import { type RevisionEntry, startRevisionEntry, toRevisionStatus } from "./revision-entry";
import type { Watchdog } from "./start-watchdog";
import type { PersistedRevision } from "./supervisor-state";
import { createWeightedRoundRobin, type WeightedRoundRobin } from "./weighted-round-robin";

export type RuntimeOptions = {
  targetId: string;
  logDir: string;
  watchdog: Watchdog;
  persist: (runtime: TargetRuntime) => Promise<void>;
  /** Where the proxy's counters are also exposed in the Prometheus format. */
  exposition?: ProxyExposition;
};

// Local revisions run without a memory limit: the machine's memory is what they can exhaust.
export const LOCAL_MEMORY_LIMIT_BYTES = totalmem();

export class TargetRuntime {
  readonly revisions = new Map<string, RevisionEntry>();
  weights: Record<string, number> = {};
  private picker: WeightedRoundRobin<RevisionEntry> = createWeightedRoundRobin<RevisionEntry>([]);
  private trafficSeq = 0;

  constructor(private readonly options: RuntimeOptions) {}

  /** The revision the next request goes to; only running revisions with a share are eligible. */
  pick(): RevisionEntry | undefined {
    return this.picker.next();
  }

  async startRevision(body: StartRevisionBody): Promise<RevisionEntry> {
    const existing = this.revisions.get(body.name);
    if (existing) {
      if (existing.record.image !== body.release.image || existing.record.digest !== body.release.digest) {
        throw new AppError("conflict", `revision ${body.name} already exists with ${existing.record.image}@${existing.record.digest}`);
      }
      return existing;
    }
    const logFile = path.join(this.options.logDir, `${this.options.targetId}.${body.name}.log`);
    const exposition = this.options.exposition;
    exposition?.addRevision(body.name);
    const entry = await startRevisionEntry({
      body,
      logFile,
      watchdog: this.options.watchdog,
      onChange: () => this.changed(),
      onRecord: exposition ? (request) => exposition.observe(body.name, request) : undefined,
    });
    this.revisions.set(body.name, entry);
    await this.options.persist(this);
    return entry;
  }

  async setTraffic({ weights, retain }: SetTrafficBody): Promise<void> {
    for (const [name, weight] of Object.entries(weights)) {
      const entry = this.revisions.get(name);
      if (!entry) throw new AppError("not_found", `revision ${name} does not exist on this target`);
      if (weight > 0 && entry.record.state !== "running") {
        throw new AppError(
          "conflict",
          `revision ${name} is ${entry.record.state}${entry.record.reason ? ` (${entry.record.reason})` : ""}; it cannot take traffic`,
        );
      }
    }
    this.trafficSeq += 1;
    for (const entry of this.revisions.values()) {
      if ((this.weights[entry.record.name] ?? 0) > 0 || (weights[entry.record.name] ?? 0) > 0) entry.record.lastServedSeq = this.trafficSeq;
    }
    this.weights = Object.fromEntries(Object.entries(weights).filter(([, w]) => w > 0));
    this.rebuildPicker();
    const candidates = [...this.revisions.values()].map(({ record }) => ({
      ...record,
      traffic: this.traffic(record.name),
      isRunning: record.state === "running" || record.state === "starting",
    }));
    const retire = chooseRevisionsToRetire({ revisions: candidates, retain });
    // Marked stopped (and out of the picker) now; the processes get their grace period in the background.
    for (const name of retire)
      this.stopRevision(name).catch((error: Error) => console.error(`supervisor: retiring ${name}: ${error.message}`));
    await this.options.persist(this);
  }

  async stopRevision(name: string): Promise<void> {
    const entry = this.revisions.get(name);
    if (!entry || entry.record.state === "stopped" || entry.record.state === "gone") return;
    if (this.traffic(name) > 0)
      throw new AppError("conflict", `revision ${name} has ${this.traffic(name)} % of the traffic; move it first`);
    entry.record.state = "stopped";
    entry.record.reason = "stopped";
    this.rebuildPicker();
    await this.options.persist(this);
    await entry.stop();
  }

  traffic(name: string): number {
    return this.weights[name] ?? 0;
  }

  statuses(): ReturnType<typeof toRevisionStatus>[] {
    return [...this.revisions.values()]
      .map((entry) => toRevisionStatus({ record: entry.record, traffic: this.traffic(entry.record.name) }))
      .reverse();
  }

  metrics(): TargetMetrics {
    return { sampledAt: new Date().toISOString(), revisions: [...this.revisions.values()].map((e) => e.metrics.snapshot(e.record.name)) };
  }

  /** Each revision's requests, resources and health over the `seconds` up to `endMs`. */
  window({ seconds, endMs }: { seconds: number; endMs: number }): TargetWindow {
    return readTargetWindow({ entries: this.revisions.values(), seconds, endMs, memoryLimitBytes: LOCAL_MEMORY_LIMIT_BYTES });
  }

  records(): PersistedRevision[] {
    return [...this.revisions.values()].map((entry) => entry.record);
  }

  async stopAll(): Promise<void> {
    this.weights = {};
    this.rebuildPicker();
    await Promise.all([...this.revisions.values()].map((entry) => entry.stop()));
  }

  private changed(): void {
    this.rebuildPicker();
    void this.options.persist(this);
  }

  private rebuildPicker(): void {
    const eligible = Object.entries(this.weights).flatMap(([name, weight]) => {
      const entry = this.revisions.get(name);
      return entry && entry.record.state === "running" ? [{ value: entry, weight }] : [];
    });
    this.picker = createWeightedRoundRobin(eligible);
  }
}
