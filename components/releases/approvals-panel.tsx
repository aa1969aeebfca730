"use client";
// One environment's approvals: what they add up to, who decided what and why a decision does not count, and
// Approve / Reject / Withdraw for whoever the environment's policy lets decide (never shown to the author).
import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, errorMessage } from "@/components/data/api-fetch";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormError } from "@/components/ui/form";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { queryKeys } from "@/lib/query-keys";
import type { ReleaseEnvironmentView } from "@/lib/services/release-detail/describe-release-environment";
import type { Viewer } from "./release-view";

const WHY: Record<string, string> = {
  expired: "does not count: expired",
  other_digest: "does not count: it approved another artifact digest",
  self_approval: "does not count: the release's author cannot approve it",
  role_not_allowed: "does not count: this role may not approve here",
  withdrawn: "withdrawn",
};

export const textareaClassName =
  "block w-full rounded-md border border-slate-300 bg-white px-2.5 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-sky-600 focus:outline-2 focus:outline-sky-600/30";

function useDecide(releaseId: string, environment: string) {
  const client = useQueryClient();
  const onSuccess = () => {
    void client.invalidateQueries({ queryKey: queryKeys.releases.detail(releaseId) });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
  };
  const decide = useMutation({
    mutationFn: (input: { decision: "approve" | "reject"; comment?: string }) =>
      apiFetch(`/api/v1/releases/${releaseId}/approvals`, { method: "POST", json: { environment, ...input } }),
    onSuccess,
  });
  const withdraw = useMutation({
    mutationFn: () => apiFetch(`/api/v1/releases/${releaseId}/approvals/${environment}`, { method: "DELETE" }),
    onSuccess,
  });
  return { decide, withdraw };
}

export function ApprovalsPanel({
  releaseId,
  isAuthor,
  view,
  viewer,
}: {
  releaseId: string;
  isAuthor: boolean;
  view: ReleaseEnvironmentView;
  viewer: Viewer;
}) {
  const { environment, approvalsDecision: decision, canApprove } = view;
  const { decide, withdraw } = useDecide(releaseId, environment.slug);
  const [rejecting, setRejecting] = useState(false);
  // the author is told first that it is their own release, whatever their role
  const whyNot = isAuthor && !environment.allowSelfApproval ? "You wrote this release; someone else must approve it" : canApprove.reason;
  const mine = view.approvals.find((a) => a.user.id === viewer.userId && !a.withdrawnAt);
  const tone = decision.required === 0 ? "neutral" : decision.satisfied ? "ok" : decision.rejectedBy.length > 0 ? "danger" : "warn";
  return (
    <div>
      <h3 className="mb-1 flex items-center gap-2 text-sm font-semibold text-slate-800">
        Approvals
        <Badge tone={tone}>
          {decision.required === 0
            ? "none needed"
            : decision.satisfied
              ? "approved"
              : decision.rejectedBy.length > 0
                ? "rejected"
                : "waiting"}
        </Badge>
      </h3>
      <p data-testid="approvals-summary" className="text-sm text-slate-700">
        {decision.reason}
      </p>
      {view.approvals.length > 0 ? (
        <ul aria-label="Decisions" className="mt-2 space-y-1.5 text-sm">
          {view.approvals.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-100 bg-slate-50 px-2.5 py-1.5">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{a.user.name}</span>
                <span className="text-xs text-slate-500">{ROLE_LABELS[a.user.role]}</span>
                <Badge tone={a.decision === "approve" ? "ok" : "danger"}>{a.decision === "approve" ? "approved" : "rejected"}</Badge>
                <span className="text-xs text-slate-500">
                  <Time value={a.createdAt} />
                </span>
                {a.whyNotCounted ? <span className="text-xs text-amber-800">{WHY[a.whyNotCounted] ?? a.whyNotCounted}</span> : null}
              </div>
              {a.comment ? <p className="mt-0.5 text-slate-700">“{a.comment}”</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {decision.required > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {canApprove.allowed ? (
            <>
              {mine?.decision !== "approve" ? (
                <Button size="sm" onClick={() => decide.mutate({ decision: "approve" })} disabled={decide.isPending}>
                  Approve
                </Button>
              ) : null}
              {mine?.decision !== "reject" ? (
                <Button size="sm" variant="secondary" onClick={() => setRejecting(true)} disabled={decide.isPending}>
                  Reject
                </Button>
              ) : null}
            </>
          ) : (
            <p data-testid="cannot-approve" className="text-sm text-slate-500">
              {whyNot}
            </p>
          )}
          {mine ? (
            <Button size="sm" variant="ghost" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              Withdraw my {mine.decision === "approve" ? "approval" : "rejection"}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div className="mt-2">
        <FormError message={errorMessage(decide.error) ?? errorMessage(withdraw.error)} />
      </div>
      <RejectDialog
        open={rejecting}
        environmentName={environment.name}
        pending={decide.isPending}
        error={errorMessage(decide.error)}
        onCancel={() => setRejecting(false)}
        onReject={(comment) => decide.mutate({ decision: "reject", comment }, { onSuccess: () => setRejecting(false) })}
      />
    </div>
  );
}

function RejectDialog(props: {
  open: boolean;
  environmentName: string;
  pending: boolean;
  error: string | null;
  onCancel: () => void;
  onReject: (comment: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog open={props.open} title={`Reject for ${props.environmentName}`} onClose={props.onCancel}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const comment = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
          if (!comment) return setProblem("Say why you reject it: the author reads this comment to know what to fix.");
          setProblem(null);
          props.onReject(comment);
        }}
      >
        <p className="text-sm text-slate-600">A rejection blocks this release here until you withdraw it.</p>
        <Field id="reject-comment" label="Why do you reject it?">
          <textarea id="reject-comment" name="comment" rows={3} className={textareaClassName} />
        </Field>
        <FormError message={problem ?? props.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={props.pending}>
            Reject
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
