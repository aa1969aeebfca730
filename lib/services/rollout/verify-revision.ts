// A revision's readiness at the provider, and the bare health check: what a rollback verifies before it
// moves traffic, and what a deploy falls back to when its service has no smoke suite.
import { pollDelayMs } from "@/lib/domain/poll-delay";
import type { DeploymentProvider, ProviderTarget, RevisionStatus } from "@/lib/providers/types";

export type VerifyResult = { ok: true; detail: string } | { ok: false; detail: string };

export type VerifyOptions = {
  provider: DeploymentProvider;
  target: ProviderTarget;
  revision: string;
  timeoutMs?: number;
  /** The first delay between looks; later ones back off (pollDelayMs). */
  pollMs?: number;
};

/** The revision once ready and healthy at the provider, or why it never became so. */
export async function waitUntilReady(options: VerifyOptions): Promise<RevisionStatus | string> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (let attempt = 0; ; attempt += 1) {
    const status = await options.provider.getStatus({ target: options.target });
    const revision = status.revisions.find((r) => r.name === options.revision);
    if (!revision) return `revision ${options.revision} is unknown to the provider`;
    if (revision.state === "exited" || revision.state === "gone" || revision.state === "stopped") {
      return `revision ${options.revision} ${revision.state}${revision.exitCode != null ? ` with exit code ${revision.exitCode}` : ""}${revision.reason ? `: ${revision.reason}` : ""}`;
    }
    if (revision.ready && revision.healthy) return revision;
    if (Date.now() > deadline) return `revision ${options.revision} was not ready within ${(options.timeoutMs ?? 30_000) / 1000} s`;
    const delayMs = pollDelayMs({ attempt, firstMs: options.pollMs });
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(delayMs, deadline - Date.now()))));
  }
}

async function checkHealthEndpoint(url: string): Promise<VerifyResult> {
  const started = Date.now();
  try {
    // Relative to the revision's URL, which may carry a path (a Kubernetes service proxy path).
    const response = await fetch(`${url.replace(/\/+$/, "")}/health`, { signal: AbortSignal.timeout(2_000) });
    const ms = Date.now() - started;
    return response.ok
      ? { ok: true, detail: `GET /health answered ${response.status} in ${ms} ms` }
      : { ok: false, detail: `GET /health answered ${response.status}` };
  } catch (error) {
    return { ok: false, detail: `GET /health failed: ${(error as Error).message}` };
  }
}

export async function verifyRevision(options: VerifyOptions): Promise<VerifyResult> {
  const ready = await waitUntilReady(options);
  if (typeof ready === "string") return { ok: false, detail: ready };
  if (!ready.url) return { ok: true, detail: "ready and healthy at the provider (no direct URL to probe)" };
  // Three tries: a process that just opened its port may still be wiring its routes.
  let last: VerifyResult = { ok: false, detail: "not checked" };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    last = await checkHealthEndpoint(ready.url);
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  return last;
}
