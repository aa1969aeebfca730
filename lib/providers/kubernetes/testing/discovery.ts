// Discovery, as kubectl and client libraries read it before anything else: /version, /api, /api/v1, /apis,
// /apis/{group}[/{version}]. The HTTPRoute group is listed only while its CRD is installed.
import { type ResourceKind, RESOURCE_KINDS, apiVersionOf } from "./resource-kinds";

// A build of 1.32 (what kubectl on these machines speaks), marked as this test cluster the way k3s marks its builds.
export const SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.4+flightdeck-test",
  gitCommit: "59526cd4867447956156ae3a602fcbac5ccb5d69",
  gitTreeState: "clean",
  buildDate: "2025-04-22T16:03:54Z",
  goVersion: "go1.23.8",
  compiler: "gc",
  platform: "linux/amd64",
};

function resourceEntries(resource: ResourceKind): Record<string, unknown>[] {
  const main = {
    name: resource.plural,
    singularName: resource.singular,
    namespaced: resource.namespaced,
    kind: resource.kind,
    verbs: resource.verbs,
    ...(resource.shortNames ? { shortNames: resource.shortNames } : {}),
    ...(resource.categories ? { categories: resource.categories } : {}),
  };
  const subresources = resource.subresources.map((sub) => {
    const base = { name: `${resource.plural}/${sub}`, singularName: "", namespaced: resource.namespaced };
    if (sub === "scale") return { ...base, group: "autoscaling", version: "v1", kind: "Scale", verbs: ["get", "patch", "update"] };
    if (sub === "proxy") return { ...base, kind: `${resource.kind}ProxyOptions`, verbs: ["create", "delete", "get", "patch", "update"] };
    return { ...base, kind: resource.kind, verbs: ["get", "patch", "update"] };
  });
  return [main, ...subresources];
}

function served(includeHttpRoutes: boolean): ResourceKind[] {
  return RESOURCE_KINDS.filter((r) => includeHttpRoutes || r.kind !== "HTTPRoute");
}

function groupEntry(group: string, version: string) {
  const groupVersion = `${group}/${version}`;
  return { name: group, versions: [{ groupVersion, version }], preferredVersion: { groupVersion, version } };
}

/** The discovery document at `pathname`, or undefined if it is not a discovery path (or not served now). */
export function discoveryDocument({
  pathname,
  includeHttpRoutes,
  serverAddress,
}: {
  pathname: string;
  includeHttpRoutes: boolean;
  serverAddress: string;
}): unknown {
  const kinds = served(includeHttpRoutes);
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path === "/version") return SERVER_VERSION;
  if (path === "/api")
    return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
  const groups = [...new Set(kinds.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))].map(
    (gv) => gv.split("/") as [string, string],
  );
  if (path === "/apis") return { kind: "APIGroupList", apiVersion: "v1", groups: groups.map(([g, v]) => groupEntry(g, v)) };
  const groupMatch = /^\/apis\/([^/]+)$/.exec(path);
  if (groupMatch) {
    const found = groups.find(([g]) => g === groupMatch[1]);
    return found ? { kind: "APIGroup", apiVersion: "v1", ...groupEntry(...found) } : undefined;
  }
  const listMatch = /^\/api\/(v1)$/.exec(path) ?? /^\/apis\/([^/]+\/[^/]+)$/.exec(path);
  if (!listMatch) return undefined;
  const inGroup = kinds.filter((r) => apiVersionOf(r) === listMatch[1]);
  if (inGroup.length === 0) return undefined;
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: listMatch[1], resources: inGroup.flatMap(resourceEntries) };
}
