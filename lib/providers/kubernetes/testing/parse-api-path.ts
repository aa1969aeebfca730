// Turns a REST path into what it addresses, the way the API server's router does:
//   /api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}[/{proxy path…}]]]
//   /apis/{group}/{version}[/namespaces/{ns}]/{resource}[/{name}[/{subresource}[/…]]]
// `/api/v1/namespaces/{name}` itself is the Namespace object.
export type ApiTarget = {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** The rest of the path after `…/proxy`, with its leading slash ("/" when empty). */
  proxyPath?: string;
};

export function parseApiPath(pathname: string): ApiTarget | undefined {
  const parts = pathname.split("/").filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === "api" && parts.length >= 3) [group, version, rest] = ["", parts[1]!, parts.slice(2)];
  else if (parts[0] === "apis" && parts.length >= 4) [group, version, rest] = [parts[1]!, parts[2]!, parts.slice(3)];
  else return undefined;
  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length >= 3 && !["status", "finalize"].includes(rest[2]!)) {
    namespace = decodeURIComponent(rest[1]!);
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...tail] = rest;
  if (!plural) return undefined;
  const target: ApiTarget = { group, version, plural, namespace };
  if (name !== undefined) target.name = decodeURIComponent(name);
  if (subresource !== undefined) target.subresource = subresource;
  if (subresource === "proxy") target.proxyPath = `/${tail.join("/")}${pathname.endsWith("/") && tail.length ? "/" : ""}`;
  else if (tail.length) return undefined;
  return target;
}
