// JSON Patch (RFC 6902), as `application/json-patch+json` PATCH bodies carry it: kubectl's `rollout undo`
// replaces /spec/template and /metadata/annotations with one. A failed op fails the whole patch.
import { isDeepStrictEqual } from "node:util";
import { kubeErrors } from "./kube-status-error";

type Json = unknown;
type Operation = { op: string; path: string; value?: Json; from?: string };
type Container = Record<string, Json> | Json[];

function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw kubeErrors.badRequest(`invalid JSON pointer "${pointer}"`);
  return pointer
    .slice(1)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function isContainer(value: Json): value is Container {
  return typeof value === "object" && value !== null;
}

/** The parent of the pointer's target and the last token; throws if the parent does not exist. */
function locate(document: Json, tokens: string[], pointer: string): { parent: Container; key: string } {
  let node = document;
  for (const token of tokens.slice(0, -1)) {
    if (!isContainer(node)) throw kubeErrors.unprocessable(`doc is missing path: "${pointer}"`);
    node = Array.isArray(node) ? node[Number(token)] : node[token];
  }
  if (!isContainer(node)) throw kubeErrors.unprocessable(`doc is missing path: "${pointer}"`);
  return { parent: node, key: tokens[tokens.length - 1]! };
}

function arrayIndex(array: Json[], key: string, forInsert: boolean): number {
  if (key === "-" && forInsert) return array.length;
  const index = Number(key);
  const max = forInsert ? array.length : array.length - 1;
  if (!/^\d+$/.test(key) || index > max) throw kubeErrors.unprocessable(`index out of range: ${key}`);
  return index;
}

function read(document: Json, pointer: string): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return document;
  const { parent, key } = locate(document, tokens, pointer);
  const value = Array.isArray(parent) ? parent[arrayIndex(parent, key, false)] : parent[key];
  if (value === undefined) throw kubeErrors.unprocessable(`doc is missing key: "${pointer}"`);
  return value;
}

function add(document: Json, pointer: string, value: Json): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = locate(document, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else parent[key] = value;
  return document;
}

function remove(document: Json, pointer: string): Json {
  const tokens = parsePointer(pointer);
  const { parent, key } = locate(document, tokens, pointer);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else {
    if (!(key in parent)) throw kubeErrors.unprocessable(`unable to remove nonexistent key: ${key}: missing value`);
    delete parent[key];
  }
  return document;
}

function applyOne(document: Json, op: Operation): Json {
  switch (op.op) {
    case "add":
      return add(document, op.path, structuredClone(op.value));
    case "remove":
      return remove(document, op.path);
    case "replace":
      if (op.path === "") return structuredClone(op.value);
      read(document, op.path);
      return add(remove(document, op.path), op.path, structuredClone(op.value));
    case "move": {
      const value = read(document, op.from ?? "");
      return add(remove(document, op.from ?? ""), op.path, value);
    }
    case "copy":
      return add(document, op.path, structuredClone(read(document, op.from ?? "")));
    case "test":
      if (!isDeepStrictEqual(read(document, op.path), op.value))
        throw kubeErrors.unprocessable(`testing value ${op.path} failed: test failed`);
      return document;
    default:
      throw kubeErrors.badRequest(`Unexpected kind: ${op.op}`);
  }
}

/** Returns the patched copy of `document`; the input is left untouched. */
export function applyJsonPatch(document: Json, patch: Json): Json {
  if (!Array.isArray(patch)) throw kubeErrors.badRequest("json: cannot unmarshal object into Go value of type jsonpatch.Patch");
  return (patch as Operation[]).reduce((doc, op) => applyOne(doc, op), structuredClone(document));
}
