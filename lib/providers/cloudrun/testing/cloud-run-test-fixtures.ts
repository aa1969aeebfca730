// Shared set-up of tests that drive the Cloud Run test server: a server with one service (`sample`, first
// revision `sample-v1` from image sample:1.0.0) created through the real client, and the read-change-write
// update a provider performs.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { protos } from "@google-cloud/run";
import { TrafficType } from "./cloud-run-enums";
import { type CloudRunTestClients, createCloudRunTestClients } from "./cloud-run-test-clients";
import type { RevisionMode } from "./start-revision-runtime";
import { type CloudRunTestServer, startCloudRunTestServer } from "./start-cloud-run-test-server";

type Service = protos.google.cloud.run.v2.IService;
type Traffic = protos.google.cloud.run.v2.ITrafficTarget[];
type EnvVar = { name: string; value: string };
/** The parts of google-gax's LROperation that tests use. */
type Operation = { name?: string | null; done?: boolean | null; promise: () => Promise<[Service, ...unknown[]]> };

export type SampleServiceFixture = {
  server: CloudRunTestServer;
  clients: CloudRunTestClients;
  /** The service's resource name. */
  name: string;
  getService: () => Promise<Service>;
  /** Reads the service, replaces template (when `revision` is given) and traffic, sends it all back; the operation. */
  update: (change: { revision?: string; image?: string; env?: EnvVar[]; traffic: Traffic }) => Promise<Operation>;
  /** Closes the clients, stops the server and removes its state directory; the process groups that ran. */
  stop: () => Promise<number[]>;
};

export const byRevision = (revision: string, percent: number, tag?: string) => ({
  type: TrafficType.REVISION,
  revision,
  percent,
  ...(tag ? { tag } : {}),
});

/** GET `${url}/health` of the sample service: the version it reports and the revision header. */
export async function versionAt(url: string): Promise<{ version: string; revision: string | null }> {
  const response = await fetch(`${url}/health`);
  const body = (await response.json()) as { version: string };
  return { version: body.version, revision: response.headers.get("x-revision") };
}

export async function startSampleService({ revisionMode }: { revisionMode: RevisionMode }): Promise<SampleServiceFixture> {
  const stateDir = await mkdtemp(path.join(tmpdir(), "cloudrun-test-server-"));
  const server = await startCloudRunTestServer({ stateDir, revisionMode });
  const clients = createCloudRunTestClients({ server });
  const name = `${clients.parent}/services/sample`;
  const [operation] = await clients.services.createService({
    parent: clients.parent,
    serviceId: "sample",
    service: { template: { revision: "sample-v1", containers: [{ image: "sample:1.0.0" }] } },
  });
  await operation.promise();
  const getService = async () => (await clients.services.getService({ name }))[0];
  return {
    server,
    clients,
    name,
    getService,
    update: async ({ revision, image, env = [], traffic }) => {
      const current = await getService();
      const template = revision ? { ...current.template, revision, containers: [{ image, env }] } : current.template;
      const [operation] = await clients.services.updateService({ service: { ...current, template, traffic } });
      return operation;
    },
    stop: async () => {
      await clients.close();
      const groups = server.runningProcessGroups();
      await server.stop();
      await rm(stateDir, { recursive: true, force: true });
      return groups;
    },
  };
}
