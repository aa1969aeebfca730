// One instant query against a Prometheus-compatible HTTP API (GET /api/v1/query with an evaluation time),
// reduced to what a measurement needs: one number, "no data", or why it failed. Never rejects.

export type QueryResult = { kind: "value"; value: number } | { kind: "empty"; why: string } | { kind: "error"; error: string };

export type ApiResponse = {
  status?: "success" | "error";
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
};

export type Sample = [number, string];

/** The one number of an instant query's result, "no data", or why it cannot be one. */
export function readResult(data: ApiResponse["data"]): QueryResult {
  const { resultType, result } = data ?? {};
  let sample: Sample | undefined;
  if (resultType === "scalar") sample = result as Sample;
  else if (resultType === "vector") {
    const series = (result ?? []) as { metric: Record<string, string>; value: Sample }[];
    if (series.length === 0) return { kind: "empty", why: "the query returned an empty vector" };
    if (series.length > 1)
      return { kind: "error", error: `the query returned ${series.length} series; it must return one (aggregate with sum or max)` };
    sample = series[0]!.value;
  } else return { kind: "error", error: `the query returned a ${resultType ?? "missing"} result; an instant vector or scalar is needed` };
  return readSample(sample);
}

/** One sample's value; NaN is "no data". */
export function readSample(sample: Sample | undefined): QueryResult {
  const value = Number(sample?.[1]);
  // NaN is how PromQL says 0/0: a ratio or quantile over a window with no requests.
  if (Number.isNaN(value)) return { kind: "empty", why: "the query returned NaN (nothing to divide or rank in the window)" };
  if (!Number.isFinite(value)) return { kind: "error", error: `the query returned ${sample?.[1]}` };
  return { kind: "value", value };
}

/** The API's answer to one instant query: its data, or why there is none (`answered`: Prometheus itself refused the query). */
export type InstantAnswer = { kind: "data"; data: ApiResponse["data"] } | { kind: "error"; error: string; answered: boolean };

export type InstantQueryInput = { url: string; query: string; time: Date; timeoutMs: number; fetchImpl?: typeof fetch };

/** GET /api/v1/query at `time`; the timeout covers the whole answer. Never rejects. */
export async function requestInstantQuery({ url, query, time, timeoutMs, fetchImpl = fetch }: InstantQueryInput): Promise<InstantAnswer> {
  const endpoint = new URL("api/v1/query", url.endsWith("/") ? url : `${url}/`);
  endpoint.search = new URLSearchParams({ query, time: (time.getTime() / 1000).toFixed(3) }).toString();
  const timedOut = { kind: "error", error: `Prometheus at ${url} did not answer within ${timeoutMs} ms`, answered: false } as const;
  const isTimeout = (error: unknown) => ["TimeoutError", "AbortError"].includes((error as Error).name);
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(endpoint, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  } catch (error) {
    if (isTimeout(error)) return timedOut;
    return { kind: "error", error: `Prometheus at ${url} could not be reached: ${(error as Error).message}`, answered: false };
  }
  try {
    // The timeout covers the body too: a slow server can send its headers in time and its answer too late.
    text = await response.text();
  } catch (error) {
    if (isTimeout(error)) return timedOut;
    return {
      kind: "error",
      error: `Prometheus at ${url} broke off its answer (HTTP ${response.status}): ${(error as Error).message}`,
      answered: false,
    };
  }
  let body: ApiResponse | undefined;
  try {
    body = JSON.parse(text) as ApiResponse;
  } catch {
    body = undefined;
  }
  if (body?.status === "error")
    return { kind: "error", error: `${body.errorType ?? "error"}: ${body.error ?? "no detail"} (HTTP ${response.status})`, answered: true };
  if (!response.ok)
    return { kind: "error", error: `Prometheus at ${url} answered HTTP ${response.status} ${response.statusText}`.trim(), answered: false };
  if (body?.status !== "success")
    return {
      kind: "error",
      error: `Prometheus at ${url} answered HTTP ${response.status} with no Prometheus API result: ${text.slice(0, 80)}`,
      answered: false,
    };
  return { kind: "data", data: body.data };
}

export async function queryPrometheus(input: InstantQueryInput): Promise<QueryResult> {
  const answer = await requestInstantQuery(input);
  return answer.kind === "error" ? { kind: "error", error: answer.error } : readResult(answer.data);
}
