"use client";
// A check's request headers, one row each: a literal value, or a reference to a named secret of the service
// (resolved by the runner, never shown here or returned by the API).
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import type { CheckProps } from "./check-props";

export function HeaderRows(props: CheckProps) {
  const { check, onChange, errorOf, idOf } = props;
  const rows = check.headers;
  const setRows = (headers: typeof rows) => onChange({ ...check, headers });
  const error = errorOf("headers") ?? errorOf("request.headers");
  return (
    <fieldset className="space-y-2 md:col-span-2">
      <legend className="text-xs font-medium text-slate-700">Headers</legend>
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_9rem_1fr_auto] gap-2">
          <Input
            aria-label={`Header ${i + 1} name`}
            id={idOf(`header-${i}-name`)}
            value={row.name}
            placeholder="Authorization"
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
          />
          <Select
            aria-label={`Header ${i + 1} source`}
            value={row.isSecret ? "secret" : "value"}
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, isSecret: e.target.value === "secret" } : r)))}
          >
            <option value="value">Value</option>
            <option value="secret">Secret</option>
          </Select>
          <Input
            aria-label={row.isSecret ? `Header ${i + 1} secret name` : `Header ${i + 1} value`}
            value={row.value}
            placeholder={row.isSecret ? "API_TOKEN" : "value"}
            className={row.isSecret ? "font-mono" : undefined}
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
          />
          <Button variant="secondary" size="sm" className="self-center" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove<span className="sr-only"> header {i + 1}</span>
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { name: "", value: "", isSecret: false }])}>
        Add header
      </Button>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
