"use client";
// Start a deployment from the browser: a release, an environment and a strategy (by default the target's).
// The server decides who may deploy where and whether the target is free; its refusal is shown in the form.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, errorMessage } from "@/components/data/api-fetch";
import { useEnvironments } from "@/components/data/use-catalog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, FormActions, FormError, Select } from "@/components/ui/form";
import { queryKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/common";
import type { StartDeploymentInput } from "@/lib/schemas/deployments";
import type { ReleaseSummary } from "@/lib/services/list-releases";

function useStartDeployment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<StartDeploymentInput, "waitForWindow">) =>
      apiFetch<{ id: string }>("/api/v1/deployments", { method: "POST", json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.deployments.all }),
  });
}

/** On 409 the server names the deployment holding the target: link to it. */
export function RunningLink({ error }: { error: unknown }) {
  const id = error instanceof ApiError && error.status === 409 ? error.body.deploymentId : null;
  if (typeof id !== "string") return null;
  return (
    <Link href={`/deployments/${id}`} className="text-sm text-sky-700 hover:underline">
      Open the running deployment
    </Link>
  );
}

function NewDeploymentForm({ onCancel }: { onCancel: () => void }) {
  const router = useRouter();
  const start = useStartDeployment();
  const releases = useQuery({
    queryKey: queryKeys.releases.recent,
    queryFn: () => apiFetch<Page<ReleaseSummary>>("/api/v1/releases?pageSize=100&archived=false"),
  });
  const environments = useEnvironments();
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const strategy = String(data.get("strategy") ?? "");
        const input = {
          releaseId: String(data.get("releaseId")),
          environment: String(data.get("environment")),
          strategy: strategy ? (strategy as StartDeploymentInput["strategy"]) : undefined,
        };
        start.mutate(input, { onSuccess: ({ id }) => router.push(`/deployments/${id}`) });
      }}
    >
      <Field id="new-deployment-release" label="Release">
        <Select id="new-deployment-release" name="releaseId" required defaultValue="" disabled={releases.isPending}>
          <option value="" disabled>
            {releases.isPending ? "Loading releases…" : "Choose a release"}
          </option>
          {releases.data?.items.map((r) => (
            <option key={r.id} value={r.id}>
              {r.service.name} {r.version}
              {r.hotfix ? " (hotfix)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-deployment-environment" label="Environment">
        <Select id="new-deployment-environment" name="environment" required defaultValue="">
          <option value="" disabled>
            Choose an environment
          </option>
          {environments.data?.items.map((e) => (
            <option key={e.id} value={e.slug}>
              {e.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-deployment-strategy" label="Strategy">
        <Select id="new-deployment-strategy" name="strategy" defaultValue="">
          <option value="">The target&apos;s default</option>
          <option value="rolling">Rolling</option>
          <option value="blue_green">Blue-green</option>
          <option value="canary">Canary</option>
        </Select>
      </Field>
      <FormError message={errorMessage(start.error) ?? errorMessage(releases.error)} />
      <RunningLink error={start.error} />
      <FormActions onCancel={onCancel} pending={start.isPending} submitLabel="Start deployment" pendingLabel="Starting…" />
    </form>
  );
}

export function NewDeploymentButton() {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New deployment</Button>
      <Dialog open={isOpen} title="New deployment" onClose={() => setOpen(false)}>
        <NewDeploymentForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
