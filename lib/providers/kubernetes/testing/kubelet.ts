// The node agent: runs each new pod's container through the pod runtime, reports phase, conditions and
// container statuses as a kubelet does, restarts crashed containers with back-off (restartPolicy Always),
// and finishes graceful deletions by stopping the container and removing the pod.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Condition, Pod } from "./kube-types";
import { kubeTime, type ObjectStore } from "./object-store";
import type { PodEndpoint, PodRuntime, RunningContainer } from "./pod-runtime";
import { resourceOfKind } from "./resource-kinds";

const pods = resourceOfKind("Pod");
const MAX_BACKOFF_MS = 10_000;

type Slot = { container?: RunningContainer; ready: boolean; restarts: number; stopping: boolean; timer?: NodeJS.Timeout };

export class Kubelet {
  private readonly slots = new Map<string, Slot>();
  private nextIp = 2;

  constructor(
    private readonly options: { store: ObjectStore; runtime: PodRuntime; stateDir: string; isNeverReady: (pod: Pod) => boolean },
  ) {
    options.store.onChange((event) => {
      if (event.resourceKey !== "core/pods") return;
      const pod = event.object as Pod;
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (event.type === "ADDED" && !pod.metadata.deletionTimestamp) void this.run(key, pod);
      else if (event.type === "DELETED" || pod.metadata.deletionTimestamp) void this.terminate(key, event.type !== "DELETED");
    });
  }

  endpointOf(namespace: string, name: string): PodEndpoint | undefined {
    return this.slots.get(`${namespace}/${name}`)?.container?.endpoint;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.slots.keys()].map((key) => this.terminate(key, false)));
  }

  private async run(key: string, pod: Pod): Promise<void> {
    const slot: Slot = this.slots.get(key) ?? { ready: false, restarts: 0, stopping: false };
    this.slots.set(key, slot);
    const ip = `10.244.0.${this.nextIp++ % 250}`;
    this.patchStatus(key, (status) => ({ ...status, hostIP: "10.0.0.10", podIP: ip, podIPs: [{ ip }], startTime: kubeTime() }));
    await this.startContainer(key, pod, slot);
  }

  private async startContainer(key: string, pod: Pod, slot: Slot): Promise<void> {
    const logFile = path.join(this.options.stateDir, `${pod.metadata.namespace}.${pod.metadata.name}.log`);
    slot.container = await this.options.runtime.start({
      pod,
      neverReady: this.options.isNeverReady(pod),
      logFile,
      onReady: () => this.setReady(key, slot, true),
      onExit: (exit) => {
        this.setReady(key, slot, false, { code: exit.code, reason: exit.reason });
        if (slot.stopping) return;
        slot.restarts += 1;
        slot.timer = setTimeout(() => void this.startContainer(key, pod, slot), Math.min(MAX_BACKOFF_MS, 500 * 2 ** slot.restarts));
      },
    });
    if (slot.stopping) return void (await slot.container.stop());
    if (slot.container.pid) this.writePids();
    this.setReady(key, slot, false);
  }

  private setReady(key: string, slot: Slot, ready: boolean, exited?: { code: number | null; reason: string }): void {
    slot.ready = ready;
    const now = kubeTime();
    const pod = this.options.store.get(pods, ...(key.split("/") as [string, string])) as Pod | undefined;
    const container = pod?.spec.containers[0];
    if (!pod || !container || slot.stopping) return;
    const flag = ready ? "True" : "False";
    const conditions: Condition[] = [
      { type: "PodReadyToStartContainers", status: "True" },
      { type: "Initialized", status: "True" },
      {
        type: "Ready",
        status: flag,
        ...(ready ? {} : { reason: "ContainersNotReady", message: `containers with unready status: [${container.name}]` }),
      },
      {
        type: "ContainersReady",
        status: flag,
        ...(ready ? {} : { reason: "ContainersNotReady", message: `containers with unready status: [${container.name}]` }),
      },
      { type: "PodScheduled", status: "True" },
    ].map((c) => {
      const before = pod.status.conditions?.find((p) => p.type === c.type);
      return { ...c, lastProbeTime: null, lastTransitionTime: before?.status === c.status ? before.lastTransitionTime : now } as Condition;
    });
    const state = exited ? { waiting: { reason: "CrashLoopBackOff", message: exited.reason } } : { running: { startedAt: now } };
    this.patchStatus(key, (status) => ({
      ...status,
      phase: "Running",
      conditions,
      containerStatuses: [
        {
          name: container.name,
          state,
          lastState: exited ? { terminated: { exitCode: exited.code ?? 137, reason: "Error", finishedAt: now } } : {},
          ready,
          restartCount: slot.restarts,
          image: container.image,
          imageID: `docker.io/library/${container.image}`,
          containerID: `containerd://${pod.metadata.uid.replaceAll("-", "")}`,
          started: !exited,
        },
      ],
    }));
  }

  private patchStatus(key: string, change: (status: Pod["status"]) => Pod["status"]): void {
    const pod = this.options.store.get(pods, ...(key.split("/") as [string, string])) as Pod | undefined;
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.options.store.update(pods, { ...structuredClone(pod), status: change(structuredClone(pod.status ?? {})) });
  }

  /** Stops the container; `remove` finishes a graceful deletion by deleting the pod object. */
  private async terminate(key: string, remove: boolean): Promise<void> {
    const slot = this.slots.get(key);
    if (slot && !slot.stopping) {
      slot.stopping = true;
      clearTimeout(slot.timer);
      await slot.container?.stop();
      this.slots.delete(key);
      if (slot.container?.pid) this.writePids();
    }
    const [namespace, name] = key.split("/") as [string, string];
    if (remove && this.options.store.get(pods, namespace, name)) this.options.store.delete(pods, namespace, name);
  }

  /** Pod process ids on disk, so that a test run killed before stop() can still be cleaned up by group. */
  private writePids(): void {
    const pids = [...this.slots.entries()].flatMap(([key, s]) => (s.container?.pid ? [{ pod: key, pid: s.container.pid }] : []));
    writeFileSync(path.join(this.options.stateDir, "pods.json"), JSON.stringify(pids));
  }
}
