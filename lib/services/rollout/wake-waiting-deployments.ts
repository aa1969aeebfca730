// Deploys that were asked to wait for their window: once the window's opening time has come (by lib/clock,
// so tests can move time), the gate is asked again as the person who queued it. Allowed → the rollout
// starts; still closed → it waits for the next opening; refused by another rule meanwhile → it ends, failed.
import { db } from "@/lib/db";
import { now as clockNow } from "@/lib/clock";
import { transitionOf } from "@/lib/domain/rollout-lifecycle";
import { decideDeployment } from "@/lib/services/decide-deployment";
import { appendEvent } from "./append-event";
import { finishDeployment } from "./finish-deployment";
import { loadDeployment } from "./load-deployment";
import { queueStep } from "./queue-step";

const OPENED = transitionOf("window_opened", "deploy");
const WAITING = OPENED.from;

async function wake(id: string, now: Date): Promise<string | null> {
  const d = await loadDeployment(id);
  if (!d || !WAITING.includes(d.state) || !d.startedById) return null;
  const user = await db.user.findUniqueOrThrow({ where: { id: d.startedById } });
  const principal = { kind: "user" as const, userId: user.id, email: user.email, name: user.name, role: user.role, label: user.email };
  const decision = await decideDeployment({
    principal,
    release: d.release,
    environment: d.target.environment,
    target: d.target,
    overrideReason: d.overrideReason,
    now,
  });
  if (decision.allowed) {
    const started = await db.deployment.updateMany({
      where: { id, state: { in: WAITING }, generation: d.generation },
      data: { state: OPENED.to, resumeAt: null, generation: d.generation + 1 },
    });
    if (started.count === 0) return null;
    await appendEvent(db, { deploymentId: id, type: "decision", message: "The window is open: the rollout starts", data: {} });
    await queueStep({ id, currentStep: 0, generation: d.generation + 1, resumeAt: null });
    return id;
  }
  if (decision.waitUntil) {
    await db.deployment.updateMany({ where: { id, state: { in: WAITING } }, data: { resumeAt: decision.waitUntil } });
    return null;
  }
  await db.deployment.update({ where: { id }, data: { error: decision.refusals.map((r) => r.reason).join(" ") } });
  await finishDeployment(
    { ...d, error: "refused" },
    {
      event: "window_gate_refused",
      message: `No longer allowed to start: ${decision.refusals.map((r) => r.reason).join(" ")}`,
      trafficPercent: 0,
    },
  );
  return null;
}

/** Starts the waiting deploys whose window opened; returns the ids that started. */
export async function wakeWaitingDeployments(): Promise<string[]> {
  const now = await clockNow();
  const due = await db.deployment.findMany({
    where: { state: { in: WAITING }, resumeAt: { lte: now } },
    select: { id: true },
    take: 100,
  });
  const started: string[] = [];
  for (const { id } of due) {
    const woke = await wake(id, now);
    if (woke) started.push(woke);
  }
  return started;
}
