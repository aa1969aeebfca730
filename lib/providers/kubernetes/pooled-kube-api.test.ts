import { KubeConfig } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { createKubeConnectionPool, tlsMaterialKey } from "./pooled-kube-api";

type Made = Parameters<ReturnType<typeof createKubeConnectionPool>["dispatcherFor"]>[1];

function dispatcher(): Made & { closed: number } {
  const d = { closed: 0, close: async () => void (d.closed += 1) };
  return d as unknown as Made & { closed: number };
}

function kubeconfig(user: Record<string, unknown>): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server: "https://127.0.0.1:6443", caData: "Y2E=", skipTLSVerify: false }],
    users: [{ name: "u", ...user }],
    contexts: [{ name: "x", cluster: "c", user: "u" }],
    currentContext: "x",
  });
  return kc;
}

describe("createKubeConnectionPool", () => {
  it("hands out the first dispatcher for a key until it is ten minutes old, then adopts the next and closes the old", () => {
    let now = 0;
    const pool = createKubeConnectionPool({ now: () => now });
    const [first, second, third, other] = [dispatcher(), dispatcher(), dispatcher(), dispatcher()];
    expect(pool.dispatcherFor("a", first)).toBe(first);
    now = 10 * 60_000;
    expect(pool.dispatcherFor("a", second)).toBe(first);
    expect(pool.dispatcherFor("b", other)).toBe(other);
    now += 1;
    expect(pool.dispatcherFor("a", third)).toBe(third);
    expect([first.closed, third.closed, other.closed]).toEqual([1, 0, 0]);
  });

  it("closes every pooled dispatcher", async () => {
    const pool = createKubeConnectionPool();
    const [a, b] = [dispatcher(), dispatcher()];
    pool.dispatcherFor("a", a);
    pool.dispatcherFor("b", b);
    await pool.close();
    expect([a.closed, b.closed]).toEqual([1, 1]);
  });
});

describe("tlsMaterialKey", () => {
  it("is the same for two tokens of one identity, differs by client certificate, and is null for exec plugins", () => {
    const withToken = (token: string) => tlsMaterialKey(kubeconfig({ token }));
    expect(withToken("one")).toBe(withToken("two"));
    expect(tlsMaterialKey(kubeconfig({ certData: "Y2VydA==", keyData: "a2V5" }))).not.toBe(withToken("one"));
    expect(tlsMaterialKey(kubeconfig({ exec: { command: "aws", args: ["eks", "get-token"] } }))).toBeNull();
  });
});
