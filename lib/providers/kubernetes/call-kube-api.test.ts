import { ApiException } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { callKubeApi, kubeError } from "./call-kube-api";

const call = { verb: "patch", resource: "deployments", namespace: "shop", name: "api" };
const status = (code: number, message: string, headers: Record<string, string> = {}) =>
  new ApiException(code, `HTTP ${code}`, JSON.stringify({ kind: "Status", code, message }), headers);

describe("callKubeApi", () => {
  it("retries 429 and 5xx with backoff and returns the answer that came through", async () => {
    const answers = [status(429, "slow down", { "retry-after": "0" }), status(503, "etcd leader changed"), "ok"];
    let calls = 0;
    const result = await callKubeApi(
      call,
      async () => {
        const next = answers[calls++]!;
        if (next instanceof Error) throw next;
        return next;
      },
      { baseDelayMs: 1 },
    );
    expect([result, calls]).toEqual(["ok", 3]);
  });

  it("gives up after the attempts, saying what was tried", async () => {
    let calls = 0;
    const error = await callKubeApi(
      call,
      async () => {
        calls += 1;
        throw status(500, "internal error");
      },
      { baseDelayMs: 1, attempts: 3 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toMatchObject({
      code: "unavailable",
      message: "Kubernetes 500 on patch deployments/api in namespace shop: internal error",
    });
  });

  it("does not retry a refusal, and cuts off a call that hangs", async () => {
    let calls = 0;
    await expect(
      callKubeApi(call, async () => {
        calls += 1;
        throw status(422, "spec.replicas: Invalid value");
      }),
    ).rejects.toMatchObject({ code: "validation" });
    expect(calls).toBe(1);
    await expect(callKubeApi(call, () => new Promise(() => undefined), { timeoutMs: 20 })).rejects.toMatchObject({
      code: "unavailable",
      message: "Kubernetes API timed out after 0.02 s on patch deployments/api in namespace shop",
    });
  });
});

describe("kubeError", () => {
  it("names the verb and resource of an RBAC refusal and what to grant", () => {
    const error = kubeError(call, status(403, 'deployments.apps "api" is forbidden: User "ci" cannot patch resource "deployments"'));
    expect(error.message).toBe(
      'RBAC refused patch deployments/api in namespace shop (403 Forbidden): grant the verb "patch" on "deployments" to the target\'s user. The cluster said: deployments.apps "api" is forbidden: User "ci" cannot patch resource "deployments"',
    );
  });

  it("maps 401, 404 and 409 to what a person can act on", () => {
    expect(kubeError(call, status(401, "Unauthorized")).message).toContain("rejected the target's credentials (401 Unauthorized)");
    expect(kubeError(call, status(404, 'deployments.apps "api" not found'))).toMatchObject({ code: "not_found" });
    expect(kubeError(call, status(409, "the object has been modified"))).toMatchObject({ code: "conflict" });
  });
});
