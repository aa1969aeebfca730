"use client";
// The form of a burst or latency check: the request it repeats (HTTP or JSON-RPC), how many times, and what
// passes — all 2xx or a 429 after a limit (burst), a p95 under a threshold (latency).
import { textareaClassName } from "@/components/releases/approvals-panel";
import { Field, Input, Select } from "@/components/ui/form";
import { numberValue, setField, type CheckProps } from "./check-props";

export function RepeatCheckFields(props: CheckProps) {
  const { check, onChange, errorOf, idOf } = props;
  const f = check.fields;
  const request = f.request as Record<string, unknown>;
  const setRequest = (changes: Record<string, unknown>) => setField(props, "request", { ...request, ...changes });
  const isRpc = request.type === "jsonrpc";
  const numberField = (field: string, label: string, hint?: string) => (
    <Field id={idOf(field)} label={label} error={errorOf(field)} hint={hint}>
      <Input
        id={idOf(field)}
        type="number"
        value={f[field] === undefined ? "" : String(f[field])}
        onChange={(e) => setField(props, field, numberValue(e.target.value))}
      />
    </Field>
  );
  return (
    <>
      <Field id={idOf("request-type")} label="Request" error={errorOf("request.type")}>
        <Select
          id={idOf("request-type")}
          value={String(request.type)}
          onChange={(e) =>
            setField(
              props,
              "request",
              e.target.value === "jsonrpc"
                ? { type: "jsonrpc", path: "/mcp", method: "tools/list" }
                : { type: "http", method: "GET", path: "/health" },
            )
          }
        >
          <option value="http">HTTP</option>
          <option value="jsonrpc">JSON-RPC / MCP</option>
        </Select>
      </Field>
      <Field id={idOf("request-path")} label="Path" error={errorOf("request.path")}>
        <Input
          id={idOf("request-path")}
          className="font-mono"
          value={String(request.path ?? "")}
          onChange={(e) => setRequest({ path: e.target.value })}
        />
      </Field>
      <Field id={idOf("request-method")} label={isRpc ? "JSON-RPC method" : "HTTP method"} error={errorOf("request.method")}>
        <Input
          id={idOf("request-method")}
          className="font-mono"
          value={String(request.method ?? "")}
          onChange={(e) => setRequest({ method: e.target.value })}
        />
      </Field>
      {numberField("count", "Requests")}
      {f.kind === "burst" ? (
        <Field id={idOf("expectLimitAfter")} label="Expect" error={errorOf("expectLimitAfter")}>
          <Select
            id={idOf("expectLimitAfter")}
            value={f.expectLimitAfter === undefined ? "all" : String(f.expectLimitAfter)}
            onChange={(e) => setField(props, "expectLimitAfter", e.target.value === "all" ? undefined : Number(e.target.value))}
          >
            <option value="all">All 2xx</option>
            {Array.from({ length: Math.max(0, Number(f.count ?? 0)) }, (_, n) => (
              <option key={n} value={n}>
                429 after {n} requests
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        numberField("maxP95Ms", "p95 threshold (ms)")
      )}
      <Field
        id={idOf("request-json")}
        label={isRpc ? "Params (JSON)" : "Body"}
        error={errorOf("params") ?? errorOf("request.params")}
        className="md:col-span-2"
      >
        <textarea
          id={idOf("request-json")}
          rows={2}
          className={`${textareaClassName} font-mono`}
          value={check.jsonText}
          onChange={(e) => onChange({ ...check, jsonText: e.target.value })}
        />
      </Field>
    </>
  );
}
