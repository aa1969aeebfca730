"use client";
// Deploy this release to one environment. The button is disabled, with the gate's reasons next to it, when
// the server would refuse; a closed window offers waiting for it and, to release managers and admins, an
// override with a written reason that opens a post-hoc review. Server refusals are shown verbatim.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, errorMessage } from "@/components/data/api-fetch";
import { RunningLink } from "@/components/deployments/new-deployment-button";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError, Select } from "@/components/ui/form";
import { MIN_OVERRIDE_REASON_LENGTH } from "@/lib/domain/window/window-types";
import { queryKeys } from "@/lib/query-keys";
import type { StartDeploymentInput } from "@/lib/schemas/deployments";
import type { ReleaseEnvironmentView } from "@/lib/services/release-detail/describe-release-environment";
import { textareaClassName } from "./approvals-panel";
import type { Viewer } from "./release-view";

type Mode = "deploy" | "override" | "wait";

// The rules the gate reports on their own; the other failed readiness checks are reported as readiness.
const RULE_CHECKS = new Set(["window", "approvals", "promotion"]);

/** What the gate would refuse besides the window, as the server words it. */
function otherRefusals(view: ReleaseEnvironmentView): string[] {
  const reasons: string[] = [];
  if (!view.approvalsDecision.satisfied) reasons.push(view.approvalsDecision.reason);
  if (!view.promotion.allowed) reasons.push(view.promotion.reason);
  for (const c of view.readiness.checks) if (c.status === "failed" && !RULE_CHECKS.has(c.id)) reasons.push(`${c.label} — ${c.detail}`);
  return reasons;
}

export function DeployPanel({
  releaseId,
  version,
  view,
  viewer,
}: {
  releaseId: string;
  version: string;
  view: ReleaseEnvironmentView;
  viewer: Viewer;
}) {
  const [mode, setMode] = useState<Mode | null>(null);
  const { environment, window } = view;
  const mayDeploy = environment.isProduction ? viewer.deployProduction : viewer.deployNonProduction;
  const refusals = otherRefusals(view);
  const windowClosed = !window.allowed;
  const blocked = !view.target || !mayDeploy || refusals.length > 0 || windowClosed;
  const onlyWindow = view.target && mayDeploy && refusals.length === 0 && windowClosed;
  return (
    <div data-testid="deploy-panel" className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setMode("deploy")} disabled={blocked} aria-describedby={`deploy-why-${environment.slug}`}>
          Deploy to {environment.name}
        </Button>
        {onlyWindow && window.opensAt ? (
          <Button variant="secondary" onClick={() => setMode("wait")}>
            Wait for the window
          </Button>
        ) : null}
        {onlyWindow && viewer.overrideWindow ? (
          <Button variant="secondary" onClick={() => setMode("override")}>
            Override the window
          </Button>
        ) : null}
      </div>
      <div id={`deploy-why-${environment.slug}`} data-testid="deploy-why" className="mt-2 space-y-1 text-sm">
        {!view.target ? (
          <p className="text-slate-600">This service has no target in {environment.name}; an admin adds one in Settings.</p>
        ) : null}
        {view.target && !mayDeploy ? <p className="text-slate-600">Your role may not deploy to {environment.name}.</p> : null}
        {windowClosed ? <p className="font-medium text-amber-800">{window.description.replace(/^Closed/, "Window closed")}</p> : null}
        {!windowClosed && window.bypass === "hotfix" ? <p className="text-amber-800">{window.reason}</p> : null}
        {refusals.map((r) => (
          <p key={r} className="text-slate-700">
            {r}
          </p>
        ))}
      </div>
      <DeployDialog key={mode ?? "closed"} mode={mode} releaseId={releaseId} version={version} view={view} onClose={() => setMode(null)} />
    </div>
  );
}

const TITLES: Record<Mode, string> = { deploy: "Deploy", override: "Override the window and deploy", wait: "Queue until the window opens" };

function DeployDialog({
  mode,
  releaseId,
  version,
  view,
  onClose,
}: {
  mode: Mode | null;
  releaseId: string;
  version: string;
  view: ReleaseEnvironmentView;
  onClose: () => void;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (input: StartDeploymentInput) =>
      apiFetch<{ id: string; state: string }>("/api/v1/deployments", { method: "POST", json: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.deployments.all });
      void client.invalidateQueries({ queryKey: queryKeys.releases.detail(releaseId) });
      void client.invalidateQueries({ queryKey: queryKeys.reviews.all });
    },
  });
  const { environment, window } = view;
  const refusals =
    start.error instanceof ApiError && Array.isArray(start.error.body.refusals)
      ? (start.error.body.refusals as { rule: string; reason: string }[])
      : [];
  return (
    <Dialog open={mode !== null} title={mode ? `${TITLES[mode]}: ${version} to ${environment.name}` : ""} onClose={onClose}>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const strategy = String(data.get("strategy") ?? "");
          const input: StartDeploymentInput = {
            releaseId,
            environment: environment.slug,
            strategy: strategy ? (strategy as StartDeploymentInput["strategy"]) : undefined,
            waitForWindow: mode === "wait",
          };
          if (mode === "override") {
            const reason = String(data.get("overrideReason") ?? "").trim();
            if (reason.length < MIN_OVERRIDE_REASON_LENGTH) {
              return setProblem(
                `Write why the window must be overridden: at least ${MIN_OVERRIDE_REASON_LENGTH} characters. The reason goes into the post-hoc review.`,
              );
            }
            input.overrideReason = reason;
          }
          setProblem(null);
          start.mutate(input, { onSuccess: ({ id }) => router.push(`/deployments/${id}`) });
        }}
      >
        {mode === "override" ? (
          <>
            <p className="text-sm text-amber-800">
              {window.description}. Overriding deploys now and opens a post-hoc review that a release manager must close.
            </p>
            <Field
              id={`override-reason-${environment.slug}`}
              label="Why must this go out now?"
              hint={`At least ${MIN_OVERRIDE_REASON_LENGTH} characters; recorded in the audit log and the review.`}
            >
              <textarea id={`override-reason-${environment.slug}`} name="overrideReason" rows={3} className={textareaClassName} />
            </Field>
          </>
        ) : null}
        {mode === "wait" ? (
          <p className="text-sm text-slate-600">
            {window.description}. The deployment is queued now and starts by itself when the window opens; every gate is asked again then.
          </p>
        ) : null}
        <Field id={`deploy-strategy-${environment.slug}`} label="Strategy">
          <Select id={`deploy-strategy-${environment.slug}`} name="strategy" defaultValue="">
            <option value="">The target&apos;s default</option>
            <option value="rolling">Rolling</option>
            <option value="blue_green">Blue-green</option>
            <option value="canary">Canary</option>
          </Select>
        </Field>
        <FormError message={problem ?? errorMessage(start.error)} />
        {refusals.length > 1 ? (
          <ul aria-label="Refusals" className="list-disc pl-5 text-sm text-red-800">
            {refusals.map((r) => (
              <li key={r.rule}>
                <span className="font-medium">{r.rule}</span>: {r.reason}
              </li>
            ))}
          </ul>
        ) : null}
        <RunningLink error={start.error} />
        <div className="flex justify-end gap-2 pt-1">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={mode === "override" ? "danger" : "primary"} disabled={start.isPending}>
            {start.isPending
              ? "Starting…"
              : mode === "override"
                ? "Override and deploy"
                : mode === "wait"
                  ? "Queue the deployment"
                  : "Start deployment"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
