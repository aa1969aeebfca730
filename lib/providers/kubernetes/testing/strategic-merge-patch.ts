// Strategic merge patch (`application/strategic-merge-patch+json`) for the built-in kinds the test cluster
// serves: like a merge patch, except that lists with a merge key merge item by item (containers by `name`,
// env by `name`, container ports by `containerPort`, Service ports by `port`...), and the directives
// kubectl sends ($patch, $setElementOrder/…, $retainKeys, $deleteFromPrimitiveList/…) are honoured.
import { kubeErrors } from "./kube-status-error";

type Json = unknown;
type JsonObject = Record<string, Json>;

// Paths are dotted, with `[]` after a list's name for its items; the merge key of a list at a path.
const MERGE_KEYS: [RegExp, string][] = [
  [/(^|\.)(containers|initContainers|ephemeralContainers)$/, "name"],
  [/(containers|initContainers|ephemeralContainers)\[\]\.env$/, "name"],
  [/(containers|initContainers|ephemeralContainers)\[\]\.ports$/, "containerPort"],
  [/(containers|initContainers|ephemeralContainers)\[\]\.volumeMounts$/, "mountPath"],
  [/(containers|initContainers|ephemeralContainers)\[\]\.volumeDevices$/, "devicePath"],
  [/(^|\.)spec\.(volumes|imagePullSecrets)$/, "name"],
  [/(^|\.)spec\.hostAliases$/, "ip"],
  [/^spec\.ports$/, "port"],
  [/^metadata\.ownerReferences$/, "uid"],
  [/(^|\.)conditions$/, "type"],
];
// Primitive lists whose patch strategy is "merge" (union) rather than replace.
const MERGED_PRIMITIVE_LISTS = [/^metadata\.finalizers$/];

function isObject(value: Json): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mergeKeyAt(path: string): string | undefined {
  return MERGE_KEYS.find(([pattern]) => pattern.test(path))?.[1];
}

function mergeKeyedList(original: Json[], patch: Json[], key: string, path: string): Json[] {
  if (patch.some((item) => isObject(item) && item.$patch === "replace")) {
    return patch.filter((item) => !(isObject(item) && item.$patch === "replace")).map((item) => strip(item));
  }
  const result = original.map((item) => structuredClone(item));
  for (const item of patch) {
    if (!isObject(item) || item[key] === undefined)
      throw kubeErrors.badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${key}`);
    const index = result.findIndex((existing) => isObject(existing) && existing[key] === item[key]);
    if (item.$patch === "delete") {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) result[index] = mergeValue(result[index], item, `${path}[]`);
    else result.push(mergeValue(undefined, item, `${path}[]`));
  }
  return result;
}

function mergeList(original: Json, patch: Json[], path: string): Json[] {
  const key = mergeKeyAt(path);
  const base = Array.isArray(original) ? original : [];
  if (key) return mergeKeyedList(base, patch, key, path);
  if (MERGED_PRIMITIVE_LISTS.some((p) => p.test(path))) return [...new Set([...base, ...patch])];
  return patch.map((item) => strip(item));
}

/** Reorders a merged list as `$setElementOrder/<field>` says; items it does not name keep their place at the end. */
function applyElementOrder(list: Json[], order: Json[], key: string | undefined): Json[] {
  const identity = (item: Json) => (key && isObject(item) ? item[key] : item);
  const wanted = order.map((entry) => (key && isObject(entry) ? entry[key] : entry));
  const ordered = wanted.flatMap((id) => list.filter((item) => identity(item) === id));
  return [...ordered, ...list.filter((item) => !wanted.includes(identity(item)))];
}

function mergeObject(original: Json, patch: JsonObject, path: string): Json {
  if (patch.$patch === "delete") return undefined;
  if (patch.$patch === "replace") return strip(patch);
  const result: JsonObject = isObject(original) ? structuredClone(original) : {};
  for (const [field, value] of Object.entries(patch)) {
    if (field.startsWith("$")) continue;
    const childPath = path ? `${path}.${field}` : field;
    if (value === null) delete result[field];
    else {
      const merged = mergeValue(result[field], value, childPath);
      if (merged === undefined) delete result[field];
      else result[field] = merged;
    }
  }
  for (const [directive, value] of Object.entries(patch)) {
    const [name, field] = directive.split("/");
    if (!field || !Array.isArray(value) || !Array.isArray(result[field])) continue;
    const childPath = path ? `${path}.${field}` : field;
    if (name === "$setElementOrder") result[field] = applyElementOrder(result[field] as Json[], value, mergeKeyAt(childPath));
    if (name === "$deleteFromPrimitiveList") result[field] = (result[field] as Json[]).filter((item) => !value.includes(item));
  }
  if (Array.isArray(patch.$retainKeys)) {
    for (const field of Object.keys(result)) if (!patch.$retainKeys.includes(field)) delete result[field];
  }
  return result;
}

function mergeValue(original: Json, patch: Json, path: string): Json {
  if (Array.isArray(patch)) return mergeList(original, patch, path);
  if (isObject(patch)) return mergeObject(original, patch, path);
  return patch;
}

/** Drops directives from a value that replaces rather than merges. */
function strip(value: Json): Json {
  if (Array.isArray(value)) return value.map(strip);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (k.startsWith("$") ? [] : [[k, strip(v)]])));
}

/** Returns the patched copy of a built-in object; the inputs are left untouched. */
export function applyStrategicMergePatch(original: Json, patch: Json): Json {
  if (!isObject(patch)) throw kubeErrors.badRequest("strategic merge patch: the patch must be a JSON object");
  return mergeObject(original, patch, "");
}
