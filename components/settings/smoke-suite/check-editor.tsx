"use client";
// One check of the suite as a card: its name and kind, Move up / Move down / Remove (plain buttons, so the
// order can be changed from the keyboard), the per-check timeout, and the form of its kind.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/form";
import { numberValue, setField, type CheckProps } from "./check-props";
import { HttpCheckFields } from "./http-check-fields";
import { JsonRpcCheckFields } from "./jsonrpc-check-fields";
import { RepeatCheckFields } from "./repeat-check-fields";

const KIND_LABELS = { http: "HTTP", jsonrpc: "JSON-RPC / MCP", burst: "Burst", latency: "Latency" } as const;

type Props = CheckProps & {
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

export function CheckEditor({ index, count, onMove, onRemove, ...props }: Props) {
  const { check, errorOf, idOf } = props;
  const f = check.fields;
  const label = `check ${index + 1} (${f.name || "unnamed"})`;
  return (
    <li className="rounded-md border border-slate-200 p-3" aria-label={`Check ${index + 1}: ${f.name}`}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-900">
          <span className="mr-2 text-slate-500">{index + 1}.</span>
          {f.name || "Unnamed check"} <Badge className="ml-1">{KIND_LABELS[f.kind]}</Badge>
        </p>
        <div className="flex gap-1">
          <Button variant="secondary" size="sm" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${label} up`}>
            Move up
          </Button>
          <Button variant="secondary" size="sm" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${label} down`}>
            Move down
          </Button>
          <Button variant="danger" size="sm" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <Field id={idOf("name")} label="Name" error={errorOf("name")}>
          <Input id={idOf("name")} value={f.name} onChange={(e) => setField(props, "name", e.target.value)} />
        </Field>
        <Field id={idOf("timeoutMs")} label="Timeout (ms)" error={errorOf("timeoutMs")} hint="Empty: 10000.">
          <Input
            id={idOf("timeoutMs")}
            type="number"
            value={f.timeoutMs === undefined ? "" : String(f.timeoutMs)}
            onChange={(e) => setField(props, "timeoutMs", numberValue(e.target.value))}
          />
        </Field>
        {f.kind === "http" ? <HttpCheckFields {...props} /> : null}
        {f.kind === "jsonrpc" ? <JsonRpcCheckFields {...props} /> : null}
        {f.kind === "burst" || f.kind === "latency" ? <RepeatCheckFields {...props} /> : null}
      </div>
    </li>
  );
}
