import { describe, expect, it } from "vitest";
import { parseCloudRunPath, routeResource } from "./parse-cloud-run-path";

describe("parseCloudRunPath", () => {
  it("maps each v2 REST path to its RPC and permission", () => {
    const cases: [string, string, string, string][] = [
      ["GET", "/v2/projects/p/locations/l/services", "listServices", "run.services.list"],
      ["POST", "/v2/projects/p/locations/l/services", "createService", "run.services.create"],
      ["GET", "/v2/projects/p/locations/l/services/s", "getService", "run.services.get"],
      ["PATCH", "/v2/projects/p/locations/l/services/s", "updateService", "run.services.update"],
      ["DELETE", "/v2/projects/p/locations/l/services/s", "deleteService", "run.services.delete"],
      ["GET", "/v2/projects/p/locations/l/services/s/revisions", "listRevisions", "run.revisions.list"],
      ["GET", "/v2/projects/p/locations/l/services/s/revisions/s-v1", "getRevision", "run.revisions.get"],
      ["DELETE", "/v2/projects/p/locations/l/services/s/revisions/s-v1", "deleteRevision", "run.revisions.delete"],
      ["GET", "/v2/projects/p/locations/l/operations/abc", "getOperation", "run.operations.get"],
      // Any caller may test its own permissions.
      ["POST", "/v2/projects/p/locations/l/services/s:testIamPermissions", "testIamPermissions", ""],
    ];
    for (const [verb, pathname, method, permission] of cases) {
      expect(parseCloudRunPath({ verb, pathname }), `${verb} ${pathname}`).toMatchObject({
        method,
        permission,
        project: "p",
        location: "l",
      });
    }
  });

  it("names the service, revision and operation, decoded", () => {
    expect(
      parseCloudRunPath({ verb: "GET", pathname: "/v2/projects/my-p/locations/europe-west1/services/api/revisions/api-00002" }),
    ).toEqual({
      method: "getRevision",
      permission: "run.revisions.get",
      project: "my-p",
      location: "europe-west1",
      service: "api",
      revision: "api-00002",
    });
    expect(parseCloudRunPath({ verb: "GET", pathname: "/v2/projects/p/locations/l/operations/op%2D1" })?.operation).toBe("op-1");
  });

  it("matches nothing for other verbs, v1 paths or extra segments", () => {
    expect(parseCloudRunPath({ verb: "PUT", pathname: "/v2/projects/p/locations/l/services/s" })).toBeUndefined();
    expect(parseCloudRunPath({ verb: "GET", pathname: "/apis/serving.knative.dev/v1/namespaces/p/services/s" })).toBeUndefined();
    expect(parseCloudRunPath({ verb: "GET", pathname: "/v2/projects/p/locations/l/services/s/revisions/r/x" })).toBeUndefined();
    expect(parseCloudRunPath({ verb: "POST", pathname: "/v2/projects/p/locations/l/services/s:setIamPolicy" })).toBeUndefined();
  });

  it("names the resource of a route as IAM does", () => {
    const route = parseCloudRunPath({ verb: "PATCH", pathname: "/v2/projects/p/locations/l/services/s" })!;
    expect(routeResource(route)).toBe("projects/p/locations/l/services/s");
    expect(routeResource(parseCloudRunPath({ verb: "GET", pathname: "/v2/projects/p/locations/l/services" })!)).toBe(
      "projects/p/locations/l",
    );
  });
});
