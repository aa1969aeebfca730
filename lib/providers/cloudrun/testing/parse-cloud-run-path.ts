// Maps an HTTP request of the v2 REST transport to the RPC it carries, as the `google.api.http` rules of
// service.proto, revision.proto and the client's operations rules define them, with the IAM permission the
// real service checks for that RPC. Pure, so the mapping is unit-tested apart from the server.

export type CloudRunMethod =
  | "listServices"
  | "createService"
  | "getService"
  | "updateService"
  | "deleteService"
  | "listRevisions"
  | "getRevision"
  | "deleteRevision"
  | "getOperation"
  | "testIamPermissions";

export type CloudRunRoute = {
  method: CloudRunMethod;
  /** The IAM permission Cloud Run requires for this call. */
  permission: string;
  project: string;
  location: string;
  service?: string;
  revision?: string;
  operation?: string;
};

const SEGMENT = "([^/]+)";
const PARENT = `^/v2/projects/${SEGMENT}/locations/${SEGMENT}`;
const SERVICES = `${PARENT}/services`;

const RULES: {
  verb: string;
  pattern: RegExp;
  method: CloudRunMethod;
  permission: string;
  names: ("service" | "revision" | "operation")[];
}[] = [
  { verb: "GET", pattern: new RegExp(`${SERVICES}$`), method: "listServices", permission: "run.services.list", names: [] },
  { verb: "POST", pattern: new RegExp(`${SERVICES}$`), method: "createService", permission: "run.services.create", names: [] },
  { verb: "GET", pattern: new RegExp(`${SERVICES}/${SEGMENT}$`), method: "getService", permission: "run.services.get", names: ["service"] },
  {
    verb: "PATCH",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}$`),
    method: "updateService",
    permission: "run.services.update",
    names: ["service"],
  },
  {
    verb: "DELETE",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}$`),
    method: "deleteService",
    permission: "run.services.delete",
    names: ["service"],
  },
  {
    verb: "GET",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}/revisions$`),
    method: "listRevisions",
    permission: "run.revisions.list",
    names: ["service"],
  },
  {
    verb: "GET",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}/revisions/${SEGMENT}$`),
    method: "getRevision",
    permission: "run.revisions.get",
    names: ["service", "revision"],
  },
  {
    verb: "DELETE",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}/revisions/${SEGMENT}$`),
    method: "deleteRevision",
    permission: "run.revisions.delete",
    names: ["service", "revision"],
  },
  // Any caller may ask which of some permissions it holds on a resource: the answer is the subset it has.
  {
    verb: "POST",
    pattern: new RegExp(`${SERVICES}/${SEGMENT}:testIamPermissions$`),
    method: "testIamPermissions",
    permission: "",
    names: ["service"],
  },
  {
    verb: "GET",
    pattern: new RegExp(`${PARENT}/operations/${SEGMENT}$`),
    method: "getOperation",
    permission: "run.operations.get",
    names: ["operation"],
  },
];

/** The RPC a request carries, or undefined when no rule matches (the server answers 404 then). */
export function parseCloudRunPath({ verb, pathname }: { verb: string; pathname: string }): CloudRunRoute | undefined {
  for (const rule of RULES) {
    if (rule.verb !== verb) continue;
    const match = rule.pattern.exec(pathname);
    if (!match) continue;
    const [project, location, ...rest] = match.slice(1).map((part) => decodeURIComponent(part));
    const route: CloudRunRoute = { method: rule.method, permission: rule.permission, project: project!, location: location! };
    rule.names.forEach((name, index) => (route[name] = rest[index]));
    return route;
  }
  return undefined;
}

/** The resource name a route addresses, as IAM names it in a refusal. */
export function routeResource(route: CloudRunRoute): string {
  const parent = `projects/${route.project}/locations/${route.location}`;
  if (route.operation) return `${parent}/operations/${route.operation}`;
  if (!route.service) return parent;
  return route.revision ? `${parent}/services/${route.service}/revisions/${route.revision}` : `${parent}/services/${route.service}`;
}
