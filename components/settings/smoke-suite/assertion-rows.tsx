"use client";
// JSON-path assertions, one row each: a path (`$.status`, `$.tools[*].name`), an operator and its value
// (JSON where it is one — `200`, `true`, `"text"` — plain text otherwise; a regular expression for "matches").
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form";
import type { CheckProps } from "./check-props";
import { ASSERTION_OPERATORS, type AssertionOperator } from "./suite-draft";

export function AssertionRows({ legend, field, ...props }: CheckProps & { legend: string; field: "assertions" | "expectResult" }) {
  const { check, onChange, errorOf } = props;
  const rows = check.assertions;
  const setRows = (assertions: typeof rows) => onChange({ ...check, assertions });
  const error = errorOf(field);
  return (
    <fieldset className="space-y-2 md:col-span-2">
      <legend className="text-xs font-medium text-slate-700">{legend}</legend>
      {rows.map((row, i) => (
        <div key={i} className="grid grid-cols-[1fr_9rem_1fr_auto] gap-2">
          <Input
            aria-label={`Assertion ${i + 1} path`}
            value={row.path}
            placeholder="$.status"
            className="font-mono"
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, path: e.target.value } : r)))}
          />
          <Select
            aria-label={`Assertion ${i + 1} operator`}
            value={row.operator}
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, operator: e.target.value as AssertionOperator } : r)))}
          >
            {ASSERTION_OPERATORS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </Select>
          <Input
            aria-label={`Assertion ${i + 1} value`}
            value={row.value}
            placeholder={row.operator === "exists" ? "true" : "value"}
            onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
          />
          <Button variant="secondary" size="sm" className="self-center" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            Remove<span className="sr-only"> assertion {i + 1}</span>
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => setRows([...rows, { path: "$", operator: "exists", value: "true" }])}>
        Add assertion
      </Button>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
