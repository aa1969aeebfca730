// One range query against a Prometheus-compatible HTTP API (GET /api/v1/query_range), reduced to one series
// of [time, value] pairs (NaN — PromQL's 0/0 — as null). Rejects with why when the query fails, so a chart
// can say "could not read the metrics" rather than draw nothing.

export type RangeSample = { at: number; value: number | null };

type ApiResponse = {
  status?: "success" | "error";
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: { metric: Record<string, string>; values: [number, string][] }[] };
};

export async function queryPrometheusRange({
  url,
  query,
  start,
  end,
  stepSeconds,
  timeoutMs,
  fetchImpl = fetch,
}: {
  url: string;
  query: string;
  start: Date;
  end: Date;
  stepSeconds: number;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): Promise<RangeSample[]> {
  const endpoint = new URL("api/v1/query_range", url.endsWith("/") ? url : `${url}/`);
  endpoint.search = new URLSearchParams({
    query,
    start: (start.getTime() / 1000).toFixed(3),
    end: (end.getTime() / 1000).toFixed(3),
    step: String(stepSeconds),
  }).toString();
  let response: Response;
  try {
    response = await fetchImpl(endpoint, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
  } catch (error) {
    throw new Error(`Prometheus at ${url} could not be reached: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => undefined)) as ApiResponse | undefined;
  if (!response.ok || body?.status !== "success")
    throw new Error(body?.error ? `${body.errorType ?? "error"}: ${body.error}` : `Prometheus at ${url} answered HTTP ${response.status}`);
  const series = body.data?.result ?? [];
  if (series.length > 1) throw new Error(`the query returned ${series.length} series; it must return one (aggregate with sum or max)`);
  return (series[0]?.values ?? []).map(([at, text]) => {
    const value = Number(text);
    return { at: at * 1000, value: Number.isFinite(value) ? value : null };
  });
}
