"use client";
// Pause / Resume / Promote / Abort on an active deploy, for the roles that may use them. Each button is
// enabled or disabled by the lifecycle's decideControl, the very decision the server takes, and a disabled
// one says why in its tooltip. A rollback is never controlled: the page says so instead. Promote and Abort
// ask for confirmation; a refusal (the deployment moved on meanwhile) is shown as the server words it.
import { useState } from "react";
import { errorMessage } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form";
import { decideControls, ROLLBACK_NOT_CONTROLLED, type DeploymentControl } from "@/lib/domain/decide-control";
import type { DeploymentDetail } from "@/lib/services/rollout/get-deployment";
import { useControlDeployment } from "./use-deployment";

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
  const controls = decideControls(deployment);
  const confirm = asking ? CONFIRM[asking] : undefined;
  const run = (c: DeploymentControl) => control.mutate(c, { onSuccess: () => setAsking(null) });
  if (deployment.kind === "rollback") {
    return (
      <p data-testid="rollout-controls-note" className="max-w-md text-sm text-slate-600">
        {ROLLBACK_NOT_CONTROLLED}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label="Rollout controls">
        {controls.map(({ control: c, decision }) => (
          <Button
            key={c}
            variant={c === "abort" ? "danger" : c === "promote" ? "primary" : "secondary"}
            disabled={control.isPending || !decision.allowed}
            title={decision.reason}
            data-allowed={decision.allowed}
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
