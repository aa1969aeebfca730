"use client";
// Open post-hoc reviews, newest first, with Close (and its required comment) for release managers and admins.
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, errorMessage } from "@/components/data/api-fetch";
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, FormActions, FormError } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { queryKeys } from "@/lib/query-keys";
import type { ReviewView } from "@/lib/services/list-reviews";

const REASONS = { hotfix: "Hotfix", window_override: "Window override", budget_override: "Error-budget override" } as const;

export function ReviewsList({ canClose }: { canClose: boolean }) {
  const [closing, setClosing] = useState<ReviewView | null>(null);
  const query = useQuery({
    queryKey: queryKeys.reviews.open,
    queryFn: () => apiFetch<{ items: ReviewView[] }>("/api/v1/reviews?open=true"),
  });
  if (query.isPending) return <TableSkeleton columns={6} label="Loading reviews" />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.items.length === 0)
    return <EmptyState title="No open reviews">Every hotfix and window override has been reviewed.</EmptyState>;
  return (
    <>
      <Table label="Open reviews">
        <thead>
          <tr>
            <Th>Reason</Th>
            <Th>Release</Th>
            <Th>Environment</Th>
            <Th>Opened by</Th>
            <Th>When</Th>
            <Th>Detail</Th>
            {canClose ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {query.data.items.map((r) => (
            <Tr key={r.id}>
              <Td>
                <Badge tone={r.reason === "hotfix" ? "warn" : "danger"} className="whitespace-nowrap">
                  {REASONS[r.reason]}
                </Badge>
              </Td>
              <Td>
                <Link href={`/releases/${r.release.id}`} className="text-sky-700 hover:underline">
                  {r.release.service.name} <span className="font-mono">{r.release.version}</span>
                </Link>
                {r.deploymentId ? (
                  <Link href={`/deployments/${r.deploymentId}`} className="block text-xs text-sky-700 hover:underline">
                    the deployment
                  </Link>
                ) : null}
              </Td>
              <Td>{r.environment.name}</Td>
              <Td>{r.openedBy}</Td>
              <Td>
                <Time value={r.createdAt} />
              </Td>
              <Td className="max-w-md text-xs text-slate-700">{r.detail}</Td>
              {canClose ? (
                <Td>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setClosing(r)}
                    aria-label={`Close the review of ${r.release.service.name} ${r.release.version}`}
                  >
                    Close
                  </Button>
                </Td>
              ) : null}
            </Tr>
          ))}
        </tbody>
      </Table>
      {closing ? <CloseReviewDialog key={closing.id} review={closing} onDone={() => setClosing(null)} /> : null}
    </>
  );
}

function CloseReviewDialog({ review, onDone }: { review: ReviewView; onDone: () => void }) {
  const client = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: (comment: string) => apiFetch(`/api/v1/reviews/${review.id}/close`, { method: "POST", json: { comment } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.reviews.all });
      void client.invalidateQueries({ queryKey: queryKeys.overview });
      onDone();
    },
  });
  return (
    <Dialog open title={`Close the review of ${review.release.service.name} ${review.release.version}`} onClose={onDone}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const comment = String(new FormData(event.currentTarget).get("comment") ?? "").trim();
          if (!comment) return setProblem("Say what the review found and what follows from it.");
          setProblem(null);
          close.mutate(comment);
        }}
      >
        <p className="text-sm text-slate-600">{review.detail}</p>
        <Field id="close-review-comment" label="What did the review find?">
          <textarea id="close-review-comment" name="comment" rows={3} className={textareaClassName} />
        </Field>
        <FormError message={problem ?? errorMessage(close.error)} />
        <FormActions onCancel={onDone} pending={close.isPending} submitLabel="Close the review" pendingLabel="Closing…" />
      </form>
    </Dialog>
  );
}
