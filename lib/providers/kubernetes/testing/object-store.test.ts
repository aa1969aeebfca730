import { describe, expect, it } from "vitest";
import type { KubeObject } from "./kube-types";
import { ObjectStore } from "./object-store";
import { resourceOfKind } from "./resource-kinds";
import { matchesRequirements, parseLabelSelector } from "./selectors";
import type { Delivered } from "./watch-hub";

const deployments = resourceOfKind("Deployment");
const object = (name: string, image: string, labels: Record<string, string> = { app: name }) =>
  ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default", labels },
    spec: { image },
  }) as unknown as KubeObject;

describe("ObjectStore", () => {
  it("bumps resourceVersion on every write and generation only on spec changes; a stale resourceVersion is a 409", () => {
    const store = new ObjectStore();
    const created = store.create(deployments, object("web", "a"));
    expect(created.metadata).toMatchObject({ generation: 1, resourceVersion: "1" });
    const relabelled = store.update(deployments, { ...created, metadata: { ...created.metadata, labels: { app: "web", x: "y" } } });
    expect(relabelled.metadata).toMatchObject({ generation: 1, resourceVersion: "2" });
    const respecced = store.update(deployments, { ...relabelled, spec: { image: "b" } });
    expect(respecced.metadata).toMatchObject({ generation: 2, resourceVersion: "3" });
    expect(() => store.update(deployments, { ...created, spec: { image: "c" } })).toThrow(/the object has been modified/);
    expect(() => store.create(deployments, object("web", "a"))).toThrow('deployments.apps "web" already exists');
  });

  it("replays a watch from a resourceVersion, moves objects in and out of a selector, and answers 410 past its history", () => {
    const store = new ObjectStore({ historyLimit: 3 });
    const web = store.create(deployments, object("web", "a"));
    const seen: Delivered[] = [];
    const wanted = parseLabelSelector("tier=front");
    store.hub.subscribe(
      { resourceKey: "apps/deployments", matches: (o) => matchesRequirements(o.metadata.labels, wanted), send: (e) => seen.push(e) },
      0,
    );
    const front = store.update(deployments, { ...web, metadata: { ...web.metadata, labels: { tier: "front" } } });
    store.update(deployments, { ...front, metadata: { ...front.metadata, labels: { tier: "back" } } });
    expect(seen.map((e) => `${e.type} ${e.object.metadata.resourceVersion}`)).toEqual(["ADDED 2", "DELETED 3"]);

    const replayed: Delivered[] = [];
    store.hub.subscribe({ resourceKey: "apps/deployments", matches: () => true, send: (e) => replayed.push(e) }, 1);
    expect(replayed.map((e) => `${e.type} ${e.object.metadata.resourceVersion}`)).toEqual(["MODIFIED 2", "MODIFIED 3"]);
    store.create(deployments, object("api", "a"));
    store.create(deployments, object("db", "a"));
    expect(() => store.hub.subscribe({ resourceKey: "apps/deployments", matches: () => true, send: () => {} }, 1)).toThrow(
      /too old resource version/,
    );
  });

  it("parses set-based label selectors", () => {
    const requirements = parseLabelSelector("app in (web,api),tier!=db,!legacy,env");
    expect(matchesRequirements({ app: "web", env: "prod" }, requirements)).toBe(true);
    expect(matchesRequirements({ app: "web", env: "prod", legacy: "1" }, requirements)).toBe(false);
    expect(matchesRequirements({ app: "db", env: "prod" }, requirements)).toBe(false);
  });
});
