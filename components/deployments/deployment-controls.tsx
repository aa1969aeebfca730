"use client";
// Pause / Resume / Promote / Abort, offered by state to the roles that may use them (the server checks the
// permission and the state again). Promote and Abort ask for confirmation; a refusal is shown as the server
// words it.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form";
import type { DeploymentControl } from "@/lib/schemas/deployments";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { useControlDeployment } from "./use-deployment";

const RUNNING = ["queued", "deploying", "verifying", "stepping"];

/** Which controls make sense now; mirrors the engine's transitions so no button is sure to be refused. */
export function availableControls(d: Pick<DeploymentDetail, "state" | "kind" | "currentStep" | "steps">): DeploymentControl[] {
  if (d.kind === "rollback") return [];
  const isRunning = RUNNING.includes(d.state);
  const fullTraffic = d.steps.findIndex((s) => s.kind === "set_traffic" && s.percent === 100);
  const canPromote = (isRunning || d.state === "paused") && fullTraffic >= 0 && d.currentStep >= 2 && d.currentStep < fullTraffic;
  return [
    ...(isRunning ? (["pause"] as const) : []),
    ...(d.state === "paused" ? (["resume"] as const) : []),
    ...(canPromote ? (["promote"] as const) : []),
    ...(isRunning || d.state === "paused" || d.state === "waiting_for_window" ? (["abort"] as const) : []),
  ];
}

const CONFIRM: Partial<Record<DeploymentControl, { title: string; body: string; label: string }>> = {
  promote: {
    title: "Promote to 100 %?",
    body: "All traffic moves to the new revision now, skipping the remaining canary steps.",
    label: "Promote",
  },
  abort: {
    title: "Abort this deployment?",
    body: "Traffic goes back to the previous revision and the new one is stopped.",
    label: "Abort",
  },
};

const LABEL: Record<DeploymentControl, string> = { pause: "Pause", resume: "Resume", promote: "Promote", abort: "Abort" };

export function DeploymentControls({ deployment }: { deployment: DeploymentDetail }) {
  const control = useControlDeployment(deployment.id);
  const [asking, setAsking] = useState<DeploymentControl | null>(null);
  const controls = availableControls(deployment);
  const confirm = asking ? CONFIRM[asking] : undefined;
  const run = (c: DeploymentControl) => control.mutate(c, { onSuccess: () => setAsking(null) });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Rollout controls">
        {controls.map((c) => (
          <Button
            key={c}
            variant={c === "abort" ? "danger" : c === "promote" ? "primary" : "secondary"}
            disabled={control.isPending}
            onClick={() => (control.reset(), CONFIRM[c] ? setAsking(c) : run(c))}
          >
            {LABEL[c]}
          </Button>
        ))}
      </div>
      {asking ? null : <FormError message={errorMessage(control.error)} />}
      <ConfirmDialog
        open={Boolean(confirm)}
        title={confirm?.title ?? ""}
        confirmLabel={confirm?.label ?? ""}
        pending={control.isPending}
        error={errorMessage(control.error)}
        onConfirm={() => asking && run(asking)}
        onCancel={() => (setAsking(null), control.reset())}
      >
        {confirm?.body}
      </ConfirmDialog>
    </div>
  );
}
