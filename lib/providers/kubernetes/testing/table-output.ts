// Server-side printing: kubectl without `-o` asks for `application/json;as=Table;v=v1;g=meta.k8s.io` and
// prints the cells it gets. The columns are the ones a real API server returns for each kind.
import type { IncomingMessage } from "node:http";
import type { Deployment, KubeObject, Pod, ReplicaSet, Service } from "./kube-types";
import type { ResourceKind } from "./resource-kinds";

type Column = { name: string; type: string; format?: string };
type Cell = string | number;

export function wantsTable(req: IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? "");
}

/** The API server's short ages: 45s, 3m12s, 47m, 5h3m, 2d. */
function age(timestamp: string): string {
  const s = Math.max(0, Math.floor((Date.now() - Date.parse(timestamp)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return `${h}h${m % 60}m`;
  return h < 48 ? `${h}h` : `${Math.floor(h / 24)}d`;
}

function podStatus(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return "Terminating";
  const waiting = (pod.status?.containerStatuses as { state?: { waiting?: { reason?: string } } }[] | undefined)?.[0]?.state?.waiting
    ?.reason;
  return waiting ?? pod.status?.phase ?? "Pending";
}

function row(resource: ResourceKind, object: KubeObject): { columns: Column[]; cells: Cell[] } {
  const name: Column = { name: "Name", type: "string", format: "name" };
  const ageColumn: Column = { name: "Age", type: "string" };
  const int = (n: string): Column => ({ name: n, type: "integer" });
  const text = (n: string): Column => ({ name: n, type: "string" });
  const created = age(object.metadata.creationTimestamp);
  switch (resource.kind) {
    case "Deployment": {
      const d = object as Deployment;
      return {
        columns: [name, text("Ready"), int("Up-to-date"), int("Available"), ageColumn],
        cells: [
          d.metadata.name,
          `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`,
          d.status.updatedReplicas ?? 0,
          d.status.availableReplicas ?? 0,
          created,
        ],
      };
    }
    case "ReplicaSet": {
      const rs = object as ReplicaSet;
      return {
        columns: [name, int("Desired"), int("Current"), int("Ready"), ageColumn],
        cells: [rs.metadata.name, rs.spec.replicas, rs.status.replicas ?? 0, rs.status.readyReplicas ?? 0, created],
      };
    }
    case "Pod": {
      const pod = object as Pod;
      const statuses = (pod.status?.containerStatuses as { ready?: boolean; restartCount?: number }[] | undefined) ?? [];
      const ready = `${statuses.filter((s) => s.ready).length}/${pod.spec.containers.length}`;
      return {
        columns: [name, text("Ready"), text("Status"), int("Restarts"), ageColumn],
        cells: [pod.metadata.name, ready, podStatus(pod), statuses[0]?.restartCount ?? 0, created],
      };
    }
    case "Service": {
      const svc = object as Service;
      const ports = (svc.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(",") || "<none>";
      return {
        columns: [name, text("Type"), text("Cluster-IP"), text("External-IP"), text("Port(s)"), ageColumn],
        cells: [svc.metadata.name, svc.spec.type ?? "ClusterIP", String(svc.spec.clusterIP ?? "<none>"), "<none>", ports, created],
      };
    }
    case "Namespace":
      return {
        columns: [name, text("Status"), ageColumn],
        cells: [object.metadata.name, String(object.status?.phase ?? "Active"), created],
      };
    case "HTTPRoute": {
      const hostnames = ((object.spec?.hostnames as string[] | undefined) ?? []).join(",");
      return { columns: [name, text("Hostnames"), ageColumn], cells: [object.metadata.name, hostnames, created] };
    }
    default:
      return { columns: [name, ageColumn], cells: [object.metadata.name, created] };
  }
}

export function toTable({
  resource,
  objects,
  resourceVersion,
}: {
  resource: ResourceKind;
  objects: KubeObject[];
  resourceVersion: string;
}) {
  const columns = row(resource, {
    metadata: { name: "", creationTimestamp: new Date().toISOString() },
    spec: { containers: [] },
    status: {},
  } as unknown as KubeObject).columns;
  return {
    kind: "Table",
    apiVersion: "meta.k8s.io/v1",
    metadata: { resourceVersion },
    columnDefinitions: columns.map((c) => ({ ...c, format: c.format ?? "", description: "", priority: 0 })),
    rows: objects.map((object) => ({
      cells: row(resource, object).cells,
      object: { kind: "PartialObjectMetadata", apiVersion: "meta.k8s.io/v1", metadata: object.metadata },
    })),
  };
}
