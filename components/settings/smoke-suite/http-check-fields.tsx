"use client";
// The form of an HTTP check: method, path, headers, body, expected status, JSON-path assertions, max latency.
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, Input, Select } from "@/components/ui/form";
import { httpMethod } from "@/lib/smoke/check-schemas";
import { AssertionRows } from "./assertion-rows";
import { numberValue, setField, type CheckProps } from "./check-props";
import { HeaderRows } from "./header-rows";

export function HttpCheckFields(props: CheckProps) {
  const { check, onChange, errorOf, idOf } = props;
  const f = check.fields;
  return (
    <>
      <Field id={idOf("method")} label="Method" error={errorOf("method")}>
        <Select id={idOf("method")} value={String(f.method ?? "GET")} onChange={(e) => setField(props, "method", e.target.value)}>
          {httpMethod.options.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </Select>
      </Field>
      <Field id={idOf("path")} label="Path" error={errorOf("path")}>
        <Input
          id={idOf("path")}
          className="font-mono"
          value={String(f.path ?? "")}
          onChange={(e) => setField(props, "path", e.target.value)}
        />
      </Field>
      <Field id={idOf("expectStatus")} label="Expected status" error={errorOf("expectStatus")}>
        <Input
          id={idOf("expectStatus")}
          type="number"
          value={f.expectStatus === undefined ? "" : String(f.expectStatus)}
          onChange={(e) => setField(props, "expectStatus", numberValue(e.target.value))}
        />
      </Field>
      <Field id={idOf("maxLatencyMs")} label="Max latency (ms)" error={errorOf("maxLatencyMs")} hint="Empty: no limit.">
        <Input
          id={idOf("maxLatencyMs")}
          type="number"
          value={f.maxLatencyMs === undefined ? "" : String(f.maxLatencyMs)}
          onChange={(e) => setField(props, "maxLatencyMs", numberValue(e.target.value))}
        />
      </Field>
      <HeaderRows {...props} />
      <Field
        id={idOf("body")}
        label="Body"
        error={errorOf("body")}
        hint="JSON is sent as JSON, anything else as text."
        className="md:col-span-2"
      >
        <textarea
          id={idOf("body")}
          rows={2}
          className={`${textareaClassName} font-mono`}
          value={check.jsonText}
          onChange={(e) => onChange({ ...check, jsonText: e.target.value })}
        />
      </Field>
      <AssertionRows {...props} legend="Assertions on the JSON body" field="assertions" />
    </>
  );
}
