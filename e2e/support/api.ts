// Bearer-token calls to the app's API from a journey: the raw answer, an answer that must succeed, and a
// wait for a deployment to reach a state (as the worker writes it).
import { type APIRequestContext, expect } from "@playwright/test";

export async function api(request: APIRequestContext, token: string, method: string, path: string, data?: unknown) {
  const response = await request.fetch(path, { method, headers: { authorization: `Bearer ${token}` }, data });
  return { status: response.status(), body: await response.json() };
}

/** The body of a call that must succeed; the failure message carries the answer. */
export async function apiOk(request: APIRequestContext, token: string, method: string, path: string, data?: unknown) {
  const { status, body } = await api(request, token, method, path, data);
  expect(status, `${method} ${path}: ${JSON.stringify(body)}`).toBeLessThan(300);
  return body;
}

export async function waitForState(request: APIRequestContext, token: string, id: string, state: string): Promise<void> {
  await expect
    .poll(async () => (await api(request, token, "GET", `/api/v1/deployments/${id}`)).body.state, { timeout: 90_000 })
    .toBe(state);
}
