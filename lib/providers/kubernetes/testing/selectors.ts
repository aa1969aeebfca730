// Label and field selectors as list and watch requests send them (`app=web,tier!=db,env in (a,b),!gone`),
// and the object form (matchLabels / matchExpressions) Deployments, ReplicaSets and Services carry.
import { KubeStatusError, kubeErrors } from "./kube-status-error";
import type { KubeObject, LabelSelector, Labels } from "./kube-types";

export type Requirement = { key: string; op: "=" | "!=" | "in" | "notin" | "exists" | "!"; values: string[] };

/** Splits on commas outside parentheses: `env in (a,b),app=x` has two requirements. */
function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      terms.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) terms.push(current.trim());
  return terms;
}

function parseTerm(term: string): Requirement {
  const setMatch = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
  if (setMatch) return { key: setMatch[1]!, op: setMatch[2] as "in" | "notin", values: setMatch[3]!.split(",").map((v) => v.trim()) };
  const eqMatch = /^([\w./-]+)\s*(==|=|!=)\s*([\w./-]*)$/.exec(term);
  if (eqMatch) return { key: eqMatch[1]!, op: eqMatch[2] === "!=" ? "!=" : "=", values: [eqMatch[3]!] };
  if (/^![\w./-]+$/.test(term)) return { key: term.slice(1), op: "!", values: [] };
  if (/^[\w./-]+$/.test(term)) return { key: term, op: "exists", values: [] };
  throw kubeErrors.badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

export function parseLabelSelector(text: string | null | undefined): Requirement[] {
  return text ? splitTerms(text).map(parseTerm) : [];
}

export function matchesRequirements(labels: Labels | undefined, requirements: Requirement[]): boolean {
  return requirements.every(({ key, op, values }) => {
    const value = labels?.[key];
    switch (op) {
      case "=":
        return value === values[0];
      case "!=":
        return value !== values[0];
      case "in":
        return value !== undefined && values.includes(value);
      case "notin":
        return value === undefined || !values.includes(value);
      case "exists":
        return value !== undefined;
      case "!":
        return value === undefined;
    }
  });
}

/** A LabelSelector object as requirements; an empty selector matches everything, as in Kubernetes. */
export function selectorRequirements(selector: LabelSelector | undefined): Requirement[] {
  const fromLabels = Object.entries(selector?.matchLabels ?? {}).map(([key, value]): Requirement => ({ key, op: "=", values: [value] }));
  const ops = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" } as const;
  const fromExpressions = (selector?.matchExpressions ?? []).map((e): Requirement => ({
    key: e.key,
    op: ops[e.operator],
    values: e.values ?? [],
  }));
  return [...fromLabels, ...fromExpressions];
}

/** `app=web,tier in (a,b)`: the form `kubectl` and Scale.status.selector print. */
export function formatSelector(selector: LabelSelector | undefined): string {
  return selectorRequirements(selector)
    .map(({ key, op, values }) =>
      op === "=" ? `${key}=${values[0]}` : op === "exists" ? key : op === "!" ? `!${key}` : `${key} ${op} (${values.join(",")})`,
    )
    .join(",");
}

export type FieldRequirement = { field: "metadata.name" | "metadata.namespace"; equal: boolean; value: string };

export function parseFieldSelector(text: string | null | undefined): FieldRequirement[] {
  if (!text) return [];
  return splitTerms(text).map((term) => {
    const match = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) throw kubeErrors.badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const field = match[1]!;
    if (field !== "metadata.name" && field !== "metadata.namespace")
      throw new KubeStatusError(400, "BadRequest", `field label not supported: ${field}`);
    return { field, equal: match[2] !== "!=", value: match[3]! };
  });
}

export function matchesFields(object: KubeObject, requirements: FieldRequirement[]): boolean {
  return requirements.every(({ field, equal, value }) => {
    const actual = field === "metadata.name" ? object.metadata.name : (object.metadata.namespace ?? "");
    return (actual === value) === equal;
  });
}
