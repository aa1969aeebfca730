"use client";
// The form of a JSON-RPC / MCP check: endpoint path, protocol, method, params (JSON), and either assertions
// on the result or an expected error code.
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, Input, Select } from "@/components/ui/form";
import { AssertionRows } from "./assertion-rows";
import { numberValue, setField, type CheckProps } from "./check-props";
import { HeaderRows } from "./header-rows";

export function JsonRpcCheckFields(props: CheckProps) {
  const { check, onChange, errorOf, idOf } = props;
  const f = check.fields;
  const expectError = f.expectError as { code?: number } | undefined;
  return (
    <>
      <Field id={idOf("method")} label="JSON-RPC method" error={errorOf("method")}>
        <Input
          id={idOf("method")}
          className="font-mono"
          value={String(f.method ?? "")}
          onChange={(e) => setField(props, "method", e.target.value)}
        />
      </Field>
      <Field id={idOf("path")} label="Endpoint path" error={errorOf("path")}>
        <Input
          id={idOf("path")}
          className="font-mono"
          value={String(f.path ?? "/mcp")}
          onChange={(e) => setField(props, "path", e.target.value)}
        />
      </Field>
      <Field id={idOf("protocol")} label="Protocol" error={errorOf("protocol")} hint="MCP opens a session (initialize) first.">
        <Select id={idOf("protocol")} value={String(f.protocol ?? "mcp")} onChange={(e) => setField(props, "protocol", e.target.value)}>
          <option value="mcp">MCP</option>
          <option value="plain">Plain JSON-RPC</option>
        </Select>
      </Field>
      <Field id={idOf("expect")} label="Expect" error={errorOf("expectError")}>
        <Select
          id={idOf("expect")}
          value={expectError ? "error" : "result"}
          onChange={(e) => {
            const fields = { ...check.fields, expectError: e.target.value === "error" ? {} : undefined };
            onChange({ ...check, fields, assertions: e.target.value === "error" ? [] : check.assertions });
          }}
        >
          <option value="result">A result</option>
          <option value="error">An error</option>
        </Select>
      </Field>
      <Field id={idOf("params")} label="Params (JSON)" error={errorOf("params")} className="md:col-span-2">
        <textarea
          id={idOf("params")}
          rows={2}
          className={`${textareaClassName} font-mono`}
          value={check.jsonText}
          onChange={(e) => onChange({ ...check, jsonText: e.target.value })}
        />
      </Field>
      <HeaderRows {...props} />
      {expectError ? (
        <Field id={idOf("errorCode")} label="Expected error code" error={errorOf("expectError.code")} hint="Empty: any error.">
          <Input
            id={idOf("errorCode")}
            type="number"
            value={expectError.code === undefined ? "" : String(expectError.code)}
            onChange={(e) => setField(props, "expectError", { code: numberValue(e.target.value) })}
          />
        </Field>
      ) : (
        <AssertionRows {...props} legend="Assertions on the result ($ is the result)" field="expectResult" />
      )}
    </>
  );
}
