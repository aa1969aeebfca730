import { describe, expect, it } from "vitest";
import { applyJsonPatch } from "./json-patch";
import { KubeStatusError } from "./kube-status-error";
import { applyMergePatch } from "./merge-patch";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

const deployment = {
  metadata: { name: "web", labels: { app: "web" }, finalizers: ["a"] },
  spec: {
    template: {
      spec: {
        containers: [
          {
            name: "app",
            image: "sample:1",
            env: [
              { name: "A", value: "1" },
              { name: "B", value: "2" },
            ],
            ports: [{ containerPort: 8080, protocol: "TCP" }],
          },
          { name: "sidecar", image: "proxy:1" },
        ],
      },
    },
  },
};

describe("applyStrategicMergePatch", () => {
  it("merges containers by name and env by name, keeping what the patch does not name", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: "app",
                image: "sample:2",
                env: [
                  { name: "B", value: "3" },
                  { name: "C", value: "4" },
                ],
              },
            ],
          },
        },
      },
    };
    const result = applyStrategicMergePatch(deployment, patch) as typeof deployment;
    expect(result.spec.template.spec.containers).toEqual([
      {
        name: "app",
        image: "sample:2",
        env: [
          { name: "A", value: "1" },
          { name: "B", value: "3" },
          { name: "C", value: "4" },
        ],
        ports: [{ containerPort: 8080, protocol: "TCP" }],
      },
      { name: "sidecar", image: "proxy:1" },
    ]);
    expect(deployment.spec.template.spec.containers[0]!.image).toBe("sample:1");
  });

  it("honours kubectl's directives: $setElementOrder, $patch: delete and replace, $retainKeys, $deleteFromPrimitiveList", () => {
    const reorder = {
      spec: {
        template: {
          spec: { "$setElementOrder/containers": [{ name: "sidecar" }, { name: "app" }], containers: [{ name: "app", image: "sample:3" }] },
        },
      },
    };
    expect(
      (applyStrategicMergePatch(deployment, reorder) as typeof deployment).spec.template.spec.containers.map((c) => `${c.name}=${c.image}`),
    ).toEqual(["sidecar=proxy:1", "app=sample:3"]);
    const remove = { spec: { template: { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } } } };
    expect((applyStrategicMergePatch(deployment, remove) as typeof deployment).spec.template.spec.containers.map((c) => c.name)).toEqual([
      "app",
    ]);
    const replace = { spec: { template: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } } } };
    expect((applyStrategicMergePatch(deployment, replace) as typeof deployment).spec.template.spec.containers).toEqual([
      { name: "only", image: "x" },
    ]);
    const strategy = applyStrategicMergePatch(
      { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } },
      { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } },
    );
    expect(strategy).toEqual({ spec: { strategy: { type: "Recreate" } } });
    expect(applyStrategicMergePatch(deployment, { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } })).toMatchObject({
      metadata: { finalizers: [] },
    });
  });

  it("merges Service ports by port and replaces lists without a merge key", () => {
    const service = {
      spec: {
        ports: [
          { port: 80, targetPort: 8080 },
          { port: 443, targetPort: 8443 },
        ],
        externalIPs: ["1.1.1.1"],
      },
    };
    expect(applyStrategicMergePatch(service, { spec: { ports: [{ port: 80, targetPort: 9090 }], externalIPs: ["2.2.2.2"] } })).toEqual({
      spec: {
        ports: [
          { port: 80, targetPort: 9090 },
          { port: 443, targetPort: 8443 },
        ],
        externalIPs: ["2.2.2.2"],
      },
    });
  });
});

describe("applyMergePatch", () => {
  it("merges objects, deletes on null and replaces arrays (RFC 7386)", () => {
    expect(applyMergePatch({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { b: null, d: 3 }, list: [3] })).toEqual({
      a: { c: 2, d: 3 },
      list: [3],
    });
  });
});

describe("applyJsonPatch", () => {
  it("applies add, replace, remove, move, copy and test (RFC 6902), with ~1 escapes", () => {
    const doc = { metadata: { annotations: { "a/b": "1" } }, items: [1, 2] };
    const patched = applyJsonPatch(doc, [
      { op: "replace", path: "/metadata/annotations/a~1b", value: "2" },
      { op: "add", path: "/items/-", value: 3 },
      { op: "remove", path: "/items/0" },
      { op: "copy", from: "/items/0", path: "/first" },
      { op: "move", from: "/first", path: "/moved" },
      { op: "test", path: "/moved", value: 2 },
    ]);
    expect(patched).toEqual({ metadata: { annotations: { "a/b": "2" } }, items: [2, 3], moved: 2 });
    expect(doc.items).toEqual([1, 2]);
  });

  it("fails the whole patch with 422 when an operation cannot apply", () => {
    const failing = () => applyJsonPatch({ a: 1 }, [{ op: "replace", path: "/missing", value: 1 }]);
    expect(failing).toThrow(KubeStatusError);
    expect(() => applyJsonPatch({ a: 1 }, [{ op: "test", path: "/a", value: 2 }])).toThrow(/test failed/);
  });
});
