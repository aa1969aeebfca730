"use client";
// Admins edit each environment's approval and window policies, its notification webhook (write-only: the
// server only says whether one is set) and its freezes. The server validates; its messages show per field.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiFetch, errorMessage } from "@/components/data/api-fetch";
import { useEnvironments } from "@/components/data/use-catalog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input, SaveRow } from "@/components/ui/form";
import { QueryError } from "@/components/ui/query-state";
import { TableSkeleton } from "@/components/ui/skeleton";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { queryKeys } from "@/lib/query-keys";
import type { UpdateEnvironmentInput } from "@/lib/schemas/environments";
import type { EnvironmentSummary } from "@/lib/services/list-environments";
import type { FreezeView } from "@/lib/services/list-freezes";

type AllowWindow = { days: number[]; start: string; end: string };
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function EnvironmentsAdmin({ freezes }: { freezes: FreezeView[] }) {
  const environments = useEnvironments();
  if (environments.isPending) return <TableSkeleton columns={3} label="Loading environments" />;
  if (environments.isError) return <QueryError error={environments.error} onRetry={() => environments.refetch()} />;
  return (
    <div className="space-y-4">
      {environments.data.items.map((e) => (
        <section key={e.id} aria-labelledby={`env-${e.slug}-title`} className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id={`env-${e.slug}-title`} className="mb-3 flex items-center gap-2 text-base font-semibold text-slate-900">
            {e.name}
            <span className="font-mono text-xs font-normal text-slate-500">{e.slug}</span>
            {e.isProduction ? <Badge tone="info">production</Badge> : null}
          </h2>
          <PolicyForm environment={e} />
          <Freezes environment={e} freezes={freezes.filter((f) => f.environment === e.slug)} />
        </section>
      ))}
    </div>
  );
}

function PolicyForm({ environment }: { environment: EnvironmentSummary }) {
  const client = useQueryClient();
  const [windows, setWindows] = useState<AllowWindow[]>(environment.allowWindows as AllowWindow[]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (input: UpdateEnvironmentInput) => apiFetch(`/api/v1/environments/${environment.slug}`, { method: "PATCH", json: input }),
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries({ queryKey: queryKeys.environments });
      void client.invalidateQueries({ queryKey: queryKeys.releases.all });
      void client.invalidateQueries({ queryKey: queryKeys.overview });
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : [];
  const fieldError = (prefix: string) =>
    fields
      .filter((f) => f.path.replace(/^body\./, "").startsWith(prefix))
      .map((f) => f.message)
      .join("; ") || undefined;
  const id = (name: string) => `${environment.slug}-${name}`;
  return (
    <form
      aria-label={`${environment.name} policy`}
      className="space-y-4"
      onChange={() => setSaved(false)}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const webhook = String(data.get("notifyWebhookUrl") ?? "").trim();
        const input: UpdateEnvironmentInput = {
          requiredApprovals: Number(data.get("requiredApprovals")),
          approverRoles: data.getAll("approverRoles").map(String) as Role[],
          allowSelfApproval: data.get("allowSelfApproval") === "on",
          approvalTtlMinutes: Number(data.get("approvalTtlMinutes")),
          timezone: String(data.get("timezone") ?? "").trim(),
          allowWindows: windows,
          hotfixAnyTime: data.get("hotfixAnyTime") === "on",
          budgetFreeze: data.get("budgetFreeze") === "on",
        };
        if (data.get("removeWebhook") === "on") input.notifyWebhookUrl = null;
        else if (webhook) input.notifyWebhookUrl = webhook;
        save.mutate(input);
      }}
    >
      <fieldset className="grid gap-3 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Approvals</legend>
        <Field id={id("required")} label="Required approvals" hint={fieldError("requiredApprovals")}>
          <Input id={id("required")} name="requiredApprovals" type="number" min={0} max={10} defaultValue={environment.requiredApprovals} />
        </Field>
        <Field id={id("ttl")} label="Approval lifetime (minutes)" hint={fieldError("approvalTtlMinutes") ?? "1440 = 24 hours"}>
          <Input id={id("ttl")} name="approvalTtlMinutes" type="number" min={1} defaultValue={environment.approvalTtlMinutes} />
        </Field>
        <div className="sm:col-span-2">
          <p className="text-xs font-medium text-slate-700">Roles that may approve</p>
          <div className="mt-1.5 flex flex-wrap gap-3">
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="approverRoles" value={role} defaultChecked={environment.approverRoles.includes(role)} />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </div>
          {fieldError("approverRoles") ? <p className="text-xs text-red-700">{fieldError("approverRoles")}</p> : null}
          <label className="mt-2 flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="allowSelfApproval" defaultChecked={environment.allowSelfApproval} />
            The release&apos;s author may approve it
          </label>
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Deployment windows</legend>
        <div className="flex flex-wrap items-end gap-4">
          <Field
            id={id("timezone")}
            label="Time zone"
            hint={fieldError("timezone") ?? "IANA name, e.g. UTC or Europe/Berlin"}
            className="w-64"
          >
            <Input id={id("timezone")} name="timezone" defaultValue={environment.timezone} />
          </Field>
          <label className="flex items-center gap-1.5 pb-2 text-sm">
            <input type="checkbox" name="hotfixAnyTime" defaultChecked={environment.hotfixAnyTime} />
            Hotfixes may deploy outside the windows (approval still required; opens a review)
          </label>
          <label className="flex items-center gap-1.5 pb-2 text-sm">
            <input type="checkbox" name="budgetFreeze" defaultChecked={environment.budgetFreeze} />
            Freeze deploys while a service&apos;s error budget here is spent (rollbacks and hotfixes still go; a release manager may
            override with a reason)
          </label>
        </div>
        <p className="text-xs text-slate-500">
          {windows.length === 0
            ? "No allow windows: always open (except during freezes)."
            : "Deployments may run only inside these windows; an end before the start runs past midnight."}
        </p>
        <ul aria-label={`${environment.name} allow windows`} className="space-y-2">
          {windows.map((w, index) => (
            <li key={index} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-100 bg-slate-50 p-2">
              <div className="flex flex-wrap gap-2">
                {DAYS.map((day, i) => (
                  <label key={day} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      checked={w.days.includes(i + 1)}
                      onChange={(event) =>
                        setWindows(
                          windows.map((x, j) =>
                            j === index
                              ? {
                                  ...x,
                                  days: event.target.checked ? [...x.days, i + 1].sort((a, b) => a - b) : x.days.filter((d) => d !== i + 1),
                                }
                              : x,
                          ),
                        )
                      }
                    />
                    {day}
                  </label>
                ))}
              </div>
              <Field id={id(`start-${index}`)} label="From" className="w-28">
                <Input
                  id={id(`start-${index}`)}
                  value={w.start}
                  placeholder="10:00"
                  onChange={(event) => setWindows(windows.map((x, j) => (j === index ? { ...x, start: event.target.value } : x)))}
                />
              </Field>
              <Field id={id(`end-${index}`)} label="Until" className="w-28">
                <Input
                  id={id(`end-${index}`)}
                  value={w.end}
                  placeholder="16:00"
                  onChange={(event) => setWindows(windows.map((x, j) => (j === index ? { ...x, end: event.target.value } : x)))}
                />
              </Field>
              <Button size="sm" variant="ghost" onClick={() => setWindows(windows.filter((_, j) => j !== index))}>
                Remove
              </Button>
              {fieldError(`allowWindows.${index}`) ? (
                <p className="w-full text-xs text-red-700">{fieldError(`allowWindows.${index}`)}</p>
              ) : null}
            </li>
          ))}
        </ul>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => setWindows([...windows, { days: [1, 2, 3, 4, 5], start: "10:00", end: "16:00" }])}
        >
          Add a window
        </Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Notifications</legend>
        <Field
          id={id("webhook")}
          label="Slack-compatible incoming webhook"
          hint={
            fieldError("notifyWebhookUrl") ??
            (environment.hasNotifyWebhook ? "A webhook is set. It is never shown; type a new URL to replace it." : "None set.")
          }
          className="max-w-xl"
        >
          <Input
            id={id("webhook")}
            name="notifyWebhookUrl"
            type="url"
            autoComplete="off"
            placeholder={environment.hasNotifyWebhook ? "•••••• (set)" : "https://hooks.slack.com/services/…"}
          />
        </Field>
        {environment.hasNotifyWebhook ? (
          <label className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="removeWebhook" />
            Remove the webhook
          </label>
        ) : null}
      </fieldset>
      <FormError message={errorMessage(save.error)} />
      <SaveRow pending={save.isPending} saved={saved} label={`Save ${environment.name}`} />
    </form>
  );
}

function Freezes({ environment, freezes }: { environment: EnvironmentSummary; freezes: FreezeView[] }) {
  const router = useRouter();
  const client = useQueryClient();
  const [deleting, setDeleting] = useState<FreezeView | null>(null);
  const refresh = () => {
    router.refresh();
    void client.invalidateQueries({ queryKey: queryKeys.releases.all });
    void client.invalidateQueries({ queryKey: queryKeys.overview });
  };
  const create = useMutation({
    mutationFn: (input: { startsAt: string; endsAt: string; reason: string }) =>
      apiFetch(`/api/v1/environments/${environment.slug}/freezes`, { method: "POST", json: input }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (freeze: FreezeView) => apiFetch(`/api/v1/environments/${environment.slug}/freezes/${freeze.id}`, { method: "DELETE" }),
    onSuccess: () => {
      setDeleting(null);
      refresh();
    },
  });
  const id = (name: string) => `${environment.slug}-freeze-${name}`;
  const toIso = (value: FormDataEntryValue | null) => {
    const date = new Date(String(value ?? ""));
    return Number.isNaN(date.getTime()) ? "" : date.toISOString();
  };
  return (
    <div className="mt-5 border-t border-slate-100 pt-4">
      <h3 className="mb-2 text-sm font-semibold text-slate-800">Freezes</h3>
      {freezes.length === 0 ? (
        <p className="text-sm text-slate-500">No freeze in force or planned.</p>
      ) : (
        <ul aria-label={`${environment.name} freezes`} className="mb-3 space-y-1 text-sm">
          {freezes.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center gap-2">
              <Time value={f.startsAt} /> – <Time value={f.endsAt} />
              <span className="text-slate-700">{f.reason}</span>
              <span className="text-xs text-slate-500">by {f.createdBy}</span>
              <Button size="sm" variant="ghost" onClick={() => setDeleting(f)}>
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label={`Add a freeze to ${environment.name}`}
        className="mt-2 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          create.mutate(
            { startsAt: toIso(data.get("startsAt")), endsAt: toIso(data.get("endsAt")), reason: String(data.get("reason") ?? "").trim() },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <Field id={id("start")} label="Starts (your local time)">
          <Input id={id("start")} name="startsAt" type="datetime-local" required />
        </Field>
        <Field id={id("end")} label="Ends (your local time)">
          <Input id={id("end")} name="endsAt" type="datetime-local" required />
        </Field>
        <Field id={id("reason")} label="Reason" className="min-w-64 flex-1">
          <Input id={id("reason")} name="reason" required placeholder="e.g. end-of-year change freeze" />
        </Field>
        <Button type="submit" variant="secondary" disabled={create.isPending}>
          Add freeze
        </Button>
      </form>
      <div className="mt-2">
        <FormError message={errorMessage(create.error)} />
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete this ${environment.name} freeze?`}
        confirmLabel="Delete freeze"
        pending={remove.isPending}
        error={errorMessage(remove.error)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      >
        {deleting ? `“${deleting.reason}” — deployments may run again in this period, within the allow windows.` : null}
      </ConfirmDialog>
    </div>
  );
}
