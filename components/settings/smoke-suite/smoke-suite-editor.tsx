"use client";
// A service's smoke suite, edited as a list of checks: add one of a kind, remove, reorder, edit each in the
// form of its kind; the suite's time limit and stop-at-first-failure; "Use the built-in suite" (confirmed
// when it replaces checks). Save sends the whole suite; the server's 422 is shown beside each field.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input, Select } from "@/components/ui/form";
import { BUILT_IN_SMOKE_SUITE } from "@/lib/smoke/built-in-suite";
import type { SmokeCheckKind, SmokeSuite } from "@/lib/smoke/smoke-suite-schema";
import { fieldErrors } from "../field-errors";
import { numberValue } from "./check-props";
import { CheckEditor } from "./check-editor";
import { newDraftCheck, toDraft, toSuiteInput, type DraftCheck, type SuiteDraft } from "./suite-draft";
import { useSaveSmokeSuite } from "./use-smoke-suite";

export function SmokeSuiteEditor({ serviceId, suite }: { serviceId: string; suite: SmokeSuite }) {
  const save = useSaveSmokeSuite(serviceId);
  const [draft, setDraft] = useState<SuiteDraft>(() => toDraft(suite));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [newKind, setNewKind] = useState<SmokeCheckKind>("http");
  const [isConfirmingBuiltIn, setConfirmingBuiltIn] = useState(false);
  const [isSaved, setSaved] = useState(false);
  const errors = fieldErrors(save.error, ["checks", "timeoutMs", "stopAtFirstFailure"]);
  const change = (next: SuiteDraft) => {
    setDraft(next);
    setSaved(false);
  };
  const setChecks = (checks: DraftCheck[]) => change({ ...draft, checks });
  const move = (from: number, to: number) => {
    const checks = [...draft.checks];
    const [moved] = checks.splice(from, 1);
    checks.splice(to, 0, moved!);
    setChecks(checks);
  };
  const applyBuiltIn = () => {
    change(toDraft(BUILT_IN_SMOKE_SUITE));
    setConfirmingBuiltIn(false);
  };
  const submit = () => {
    const { input, errors: found } = toSuiteInput(draft);
    setClientErrors(found);
    if (Object.keys(found).length === 0) save.mutate(input, { onSuccess: () => setSaved(true) });
  };
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {draft.checks.length === 0 ? <p className="text-sm text-slate-500">No checks yet: add one, or use the built-in suite.</p> : null}
      <ol className="space-y-3" aria-label="Smoke checks">
        {draft.checks.map((check, i) => (
          <CheckEditor
            key={check.key}
            check={check}
            index={i}
            count={draft.checks.length}
            onChange={(next) => setChecks(draft.checks.map((c, j) => (j === i ? next : c)))}
            onMove={(delta) => move(i, i + delta)}
            onRemove={() => setChecks(draft.checks.filter((_, j) => j !== i))}
            errorOf={(field) => clientErrors[`checks.${i}.${field}`] ?? errors.of(`checks.${i}.${field}`)}
            idOf={(field) => `${check.key}-${field}`}
          />
        ))}
      </ol>
      {errors.of(
        "checks",
        draft.checks.map((_, i) => `checks.${i}`),
      ) ? (
        <p className="text-xs font-medium text-red-700">
          {errors.of(
            "checks",
            draft.checks.map((_, i) => `checks.${i}`),
          )}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field id="smoke-new-kind" label="Kind of the new check">
          <Select id="smoke-new-kind" value={newKind} onChange={(e) => setNewKind(e.target.value as SmokeCheckKind)}>
            <option value="http">HTTP</option>
            <option value="jsonrpc">JSON-RPC / MCP</option>
            <option value="burst">Burst</option>
            <option value="latency">Latency</option>
          </Select>
        </Field>
        <Button
          variant="secondary"
          onClick={() =>
            setChecks([
              ...draft.checks,
              newDraftCheck(
                newKind,
                draft.checks.map((c) => c.fields.name),
              ),
            ])
          }
        >
          Add check
        </Button>
        <Button variant="secondary" onClick={() => (draft.checks.length > 0 ? setConfirmingBuiltIn(true) : applyBuiltIn())}>
          Use the built-in suite
        </Button>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <Field id="smoke-timeout" label="Suite time limit (ms)" error={errors.of("timeoutMs")}>
          <Input
            id="smoke-timeout"
            type="number"
            value={draft.timeoutMs === undefined ? "" : String(draft.timeoutMs)}
            onChange={(e) => change({ ...draft, timeoutMs: numberValue(e.target.value) })}
          />
        </Field>
        <label className="flex items-center gap-2 self-end text-sm text-slate-700">
          <input
            type="checkbox"
            checked={draft.stopAtFirstFailure}
            onChange={(e) => change({ ...draft, stopAtFirstFailure: e.target.checked })}
          />
          Stop at the first failure
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save suite"}
        </Button>
        {isSaved ? (
          <p role="status" className="text-sm text-emerald-700">
            Suite saved.
          </p>
        ) : null}
      </div>
      <FormError message={Object.keys(clientErrors).length > 0 ? "Fix the fields marked above and try again." : errors.summary} />
      <ConfirmDialog
        open={isConfirmingBuiltIn}
        title="Replace the checks with the built-in suite?"
        confirmLabel="Replace checks"
        onConfirm={applyBuiltIn}
        onCancel={() => setConfirmingBuiltIn(false)}
      >
        The {draft.checks.length} checks below are replaced by the built-in eight (nothing is stored until you save).
      </ConfirmDialog>
    </form>
  );
}
