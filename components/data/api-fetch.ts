// The client side of /api/v1: JSON in, JSON out, and problem+json turned into an ApiError whose message is
// the server's `detail` — written for people, so the UI shows it as is.
export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly fields: FieldProblem[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === "string" ? body.detail : `The server answered ${status}.`;
    super(detail);
    this.name = "ApiError";
    this.status = status;
    this.title = typeof body.title === "string" ? body.title : "Error";
    this.fields = Array.isArray(body.errors) ? (body.errors as FieldProblem[]) : [];
    this.body = body;
  }
}

export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  // The API refuses a change made with the session cookie unless it is declared JSON (its guard against
  // cross-site requests), so every non-GET call says so, even one without a body.
  const isChange = (rest.method ?? "GET").toUpperCase() !== "GET";
  let response: Response;
  try {
    response = await fetch(path, {
      ...rest,
      headers: {
        accept: "application/json",
        ...(json !== undefined || isChange ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, { detail: "Flightdeck's server did not answer. Check your connection, or whether the server is running." });
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = { detail: `The server answered ${response.status} with something that is not JSON.` };
  }
  if (!response.ok) throw new ApiError(response.status, (body as Record<string, unknown>) ?? {});
  return body as T;
}

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function toSearch(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function errorMessage(error: unknown): string | null {
  if (!error) return null;
  return error instanceof Error ? error.message : String(error);
}
