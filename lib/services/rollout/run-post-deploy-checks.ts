// The validate step of a deploy: the documents' post-deployment validation. With all traffic on the new
// revision, the target's health endpoint is checked N times spread over T seconds (POST_DEPLOY_VALIDATION,
// or the target's own settings); the first failure fails the step, and the engine rolls back. A person's control
// (abort, pause, promote) or a re-queue between two checks ends the run there: the checks after it would
// otherwise land on the timeline after the deployment's last event.
import { db } from "@/lib/db";
import { POST_DEPLOY_VALIDATION } from "@/lib/domain/document-defaults";
import type { DeploymentProvider } from "@/lib/providers/types";
import { createSmokeRun, finishSmokeRun, markInterrupted, storeCheckResult } from "@/lib/services/smoke/record-smoke-run";
import { runSmokeSuite } from "@/lib/smoke/run-smoke-suite";
import type { SmokeCheckResult } from "@/lib/smoke/smoke-result";
import { parseSmokeSuite } from "@/lib/smoke/parse-smoke-suite";
import type { StepOutcome } from "./execute-step";
import { providerTargetOf, type LoadedDeployment } from "./load-deployment";
import { checkResultEvents, describeCheck } from "./smoke-events";

/** The checks and the window of a target's post-deploy validation. */
export function postDeploySettings(target: { postDeployChecks: number | null; postDeploySeconds: number | null }) {
  return {
    checks: target.postDeployChecks ?? POST_DEPLOY_VALIDATION.checks,
    seconds: target.postDeploySeconds ?? POST_DEPLOY_VALIDATION.overSeconds,
  };
}

const healthCheck = (name: string) => parseSmokeSuite({ value: { checks: [{ kind: "http", name, path: "/health", expectStatus: 200 }] } });

export async function runPostDeployChecks({
  deployment: d,
  provider,
}: {
  deployment: LoadedDeployment;
  provider: DeploymentProvider;
}): Promise<StepOutcome> {
  const { checks, seconds } = postDeploySettings(d.target);
  const status = await provider.getStatus({ target: providerTargetOf(d) });
  if (!status.url) return { kind: "advance", message: "Post-deploy checks NOT run: the provider reports no URL for the target" };
  await markInterrupted({ deploymentId: d.id, trigger: "post_deploy" });
  const runId = await createSmokeRun({
    serviceId: d.target.serviceId,
    targetId: d.targetId,
    releaseId: d.releaseId,
    revision: d.revision,
    deploymentId: d.id,
    url: status.url,
    trigger: "post_deploy",
  });
  const onResult = checkResultEvents(d.id, runId);
  const intervalMs = checks > 1 ? (seconds * 1000) / (checks - 1) : 0;
  const began = performance.now();
  const results: SmokeCheckResult[] = [];
  for (let i = 0; i < checks; i += 1) {
    if (i > 0) await new Promise((r) => setTimeout(r, intervalMs));
    if (i > 0) {
      const now = await db.deployment.findUnique({ where: { id: d.id }, select: { generation: true, state: true } });
      if (now?.generation !== d.generation) {
        const why = `stopped: the deployment was ${now?.state ?? "deleted"} before health check ${i + 1}/${checks}`;
        await markInterrupted({ id: runId }, why);
        return { kind: "fail", reason: `Post-deploy validation ${why}` };
      }
    }
    const run = await runSmokeSuite({ suite: healthCheck(`Health check (${i + 1}/${checks})`), baseUrl: status.url });
    const result = run.results[0]!;
    results.push(result);
    await storeCheckResult(runId, i, result);
    await onResult(result, i);
    if (!result.passed) break;
  }
  const passedCount = results.filter((r) => r.passed).length;
  const passed = passedCount === checks;
  await finishSmokeRun(runId, {
    passed,
    total: checks,
    passedCount,
    failedCount: results.length - passedCount,
    skippedCount: checks - results.length,
    durationMs: Math.round(performance.now() - began),
    stoppedEarly: passed ? null : "stopped at the first failed health check",
  });
  return passed
    ? { kind: "advance", message: `Post-deploy validation passed: ${checks} health checks over ${seconds} s` }
    : { kind: "fail", reason: `Post-deploy validation failed: ${describeCheck(results.at(-1)!)}` };
}
