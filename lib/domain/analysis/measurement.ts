// What a metrics source reports for one metric of one revision over one window. Defined here, beside the
// decision that reads it, so the sources, the engine and the UI share one shape.
import type { MetricName } from "./metric-names";

export type MeasurementPhase = "ok" | "error";

export type Measurement = {
  metric: MetricName;
  revision: string;
  /** In the metric's unit (METRICS); null when the window holds no data to compute it from. */
  value: number | null;
  /**
   * What the value rests on: requests in the window for traffic metrics, otherwise the source's own samples
   * (process readings, health probes). 0 with a null value is "no data", which the decision guards against.
   */
  sampleCount: number;
  /** The query as sent (PromQL, or the local source's description), so a person can check the value. */
  query: string;
  windowSeconds: number;
  /** ISO time the window ends at. */
  measuredAt: string;
  /** "error": the query itself failed (unreachable, bad PromQL, timeout); the value is then null. */
  phase: MeasurementPhase;
  error?: string;
  /** Why the value is null although the query worked ("the query returned an empty vector"). */
  note?: string;
};

/** The candidate and, when the target has one, the stable revision, measured over the same window. */
export type RevisionMeasurements = { candidate: Measurement; stable: Measurement | null };
