"use client";
// Deploy this release to one environment, as the deploy gate decided on the server for this person: the
// button is enabled when it allows a deploy, Wait for the window and Override the window are offered when it
// says so, and every refusal is shown with its reason, as the server words it. The page derives none of it.
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

type Mode = "deploy" | "override" | "wait";

export function DeployPanel({ releaseId, version, view }: { releaseId: string; version: string; view: ReleaseEnvironmentView }) {
  const [mode, setMode] = useState<Mode | null>(null);
  const { environment, deployGate: gate } = view;
  return (
    <div data-testid="deploy-panel" className="rounded-md border border-slate-200 bg-slate-50 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => setMode("deploy")} disabled={!gate.actions.deploy} aria-describedby={`deploy-why-${environment.slug}`}>
          Deploy to {environment.name}
        </Button>
        {gate.actions.waitForWindow ? (
          <Button variant="secondary" onClick={() => setMode("wait")}>
            Wait for the window
          </Button>
        ) : null}
        {gate.actions.overrideWindow ? (
          <Button variant="secondary" onClick={() => setMode("override")}>
            Override the window
          </Button>
        ) : null}
        {gate.actions.overrideBudget ? (
          <Button variant="secondary" onClick={() => setMode("override")}>
            Override the budget freeze
          </Button>
        ) : null}
      </div>
      <div id={`deploy-why-${environment.slug}`} data-testid="deploy-why" className="mt-2 space-y-1 text-sm">
        {gate.refusals.map((r) => (
          <p
            key={r.rule}
            data-rule={r.rule}
            className={r.rule === "window" || r.rule === "budget_freeze" ? "font-medium text-amber-800" : "text-slate-700"}
          >
            {r.reason}
          </p>
        ))}
        {gate.notes.map((note) => (
          <p key={note} className="text-amber-800">
            {note}
          </p>
        ))}
      </div>
      <DeployDialog key={mode ?? "closed"} mode={mode} releaseId={releaseId} version={version} view={view} onClose={() => setMode(null)} />
    </div>
  );
}

const TITLES: Record<Mode, string> = { deploy: "Deploy", override: "Override and deploy", wait: "Queue until the window opens" };

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
                `Write why this must go out now: at least ${MIN_OVERRIDE_REASON_LENGTH} characters. The reason goes into the post-hoc review.`,
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
              {view.deployGate.refusals.find((r) => r.rule === "budget_freeze")?.reason ?? `${window.description}.`} Overriding deploys now
              and opens a post-hoc review that a release manager must close.
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
