// The rollout lifecycle, defined once: the deployment states, which of them hold their target, which the
// engine is moving, which are final; every transition with the event that causes it and why; and which
// controls each state and kind allows. The engine, the reconciler, the API and the UI all ask this module,
// so a button the page offers is one the server accepts, and a state one of them knows all of them know.
// Pure: client components import it.
import type { DeploymentKind, DeploymentState } from "@/lib/db/generated/enums";

export type { DeploymentKind, DeploymentState };

/** waiting: holds its target but no worker acts until time or a person moves it; moving: a worker carries it. */
export type StatePhase = "moving" | "waiting" | "terminal";
/** How a state reads at a glance; components/ui maps each tone to colours. */
export type StateTone = "neutral" | "progress" | "attention" | "reverting" | "success" | "danger";

export const DEPLOYMENT_STATES = {
  queued: { phase: "moving", tone: "neutral", meaning: "waits for a worker to run its next step" },
  waiting_for_window: {
    phase: "waiting",
    tone: "attention",
    meaning: "queued until its deployment window opens; every gate is asked again then",
  },
  deploying: { phase: "moving", tone: "progress", meaning: "starting the new revision, with no traffic" },
  verifying: { phase: "moving", tone: "progress", meaning: "checking the new revision before it gets traffic" },
  stepping: {
    phase: "moving",
    tone: "progress",
    meaning: "moving traffic step by step, holding a timed analysis pause, or watching after full traffic",
  },
  paused: { phase: "waiting", tone: "attention", meaning: "held by a person, or waiting for someone to promote it" },
  reverting: {
    phase: "moving",
    tone: "reverting",
    meaning: "a failed or aborted deploy being taken back to the revision it replaced",
  },
  succeeded: { phase: "terminal", tone: "success", meaning: "its revision serves all traffic" },
  failed: { phase: "terminal", tone: "danger", meaning: "ended without reaching full traffic, with nothing to take back to" },
  rolled_back: { phase: "terminal", tone: "reverting", meaning: "failed, and all traffic is back on the revision it replaced" },
  aborted: {
    phase: "terminal",
    tone: "danger",
    meaning: "stopped by a person, pre-empted by a rollback, or superseded by a newer rollback",
  },
} as const satisfies Record<DeploymentState, { phase: StatePhase; tone: StateTone; meaning: string }>;

const ALL_STATES = Object.keys(DEPLOYMENT_STATES) as DeploymentState[];
const inPhase = (...phases: StatePhase[]) => ALL_STATES.filter((s) => (phases as string[]).includes(DEPLOYMENT_STATES[s].phase));

/** Not finished: the deployment holds its target (at most one per target, enforced by the database). */
export const ACTIVE_STATES: readonly DeploymentState[] = inPhase("moving", "waiting");
/** A worker carries it (or should: the reconciler re-queues one whose job was lost). */
export const MOVING_STATES: readonly DeploymentState[] = inPhase("moving");
export const TERMINAL_STATES: readonly DeploymentState[] = inPhase("terminal");

const isState = (state: string): state is DeploymentState => state in DEPLOYMENT_STATES;
export const isActive = (state: string): boolean => isState(state) && DEPLOYMENT_STATES[state].phase !== "terminal";
export const isMoving = (state: string): boolean => isState(state) && DEPLOYMENT_STATES[state].phase === "moving";
export const isTerminal = (state: string): boolean => isState(state) && DEPLOYMENT_STATES[state].phase === "terminal";
/** A deploy being taken back; a worker runs the revert instead of the next step. */
export const isReverting = (state: string): boolean => state === "reverting";
export const stateLabel = (state: string): string => state.replaceAll("_", " ");
export const stateTone = (state: string): StateTone => (isState(state) ? DEPLOYMENT_STATES[state].tone : "neutral");

/** The states a deploy moves forward through; a rollback moves through the same ones. */
const ADVANCING = ["queued", "deploying", "verifying", "stepping"] as const satisfies readonly DeploymentState[];
export const ADVANCING_STATES: readonly DeploymentState[] = ADVANCING;

export type LifecycleEvent =
  | "window_opened"
  | "window_gate_refused"
  | "revision_starting"
  | "verification_started"
  | "step_started"
  | "step_done"
  | "promotion_awaited"
  | "rollout_completed"
  | "step_failed"
  | "pause"
  | "resume"
  | "promote"
  | "abort"
  | "abort_reverted"
  | "failure_reverted"
  | "failure_kept"
  | "preempted"
  | "superseded";

export type Transition = {
  from: readonly DeploymentState[];
  event: LifecycleEvent;
  to: DeploymentState;
  /** the kinds of deployment it applies to; both when absent */
  kinds?: readonly DeploymentKind[];
  reason: string;
};

const DEPLOY: readonly DeploymentKind[] = ["deploy"];
const ROLLBACK: readonly DeploymentKind[] = ["rollback"];

/** Every way a deployment changes state. Entry: a deploy starts queued (or waiting_for_window), a rollback queued. */
export const TRANSITIONS: readonly Transition[] = [
  { from: ["waiting_for_window"], event: "window_opened", to: "queued", kinds: DEPLOY, reason: "its window opened and the gate allows it" },
  {
    from: ["waiting_for_window"],
    event: "window_gate_refused",
    to: "failed",
    kinds: DEPLOY,
    reason: "its window opened but another rule refuses it now",
  },
  { from: ADVANCING, event: "revision_starting", to: "deploying", reason: "a worker starts the new revision" },
  { from: ADVANCING, event: "verification_started", to: "verifying", reason: "a worker checks the new revision" },
  { from: ADVANCING, event: "step_started", to: "stepping", reason: "a worker runs a traffic, pause or finalize step" },
  { from: ADVANCING, event: "step_done", to: "stepping", reason: "a step finished; the next one is queued" },
  { from: ADVANCING, event: "promotion_awaited", to: "paused", reason: "a canary step waits for someone to promote it" },
  { from: ADVANCING, event: "rollout_completed", to: "succeeded", reason: "the last step finished" },
  { from: ADVANCING, event: "step_failed", to: "reverting", reason: "a step failed (verification, provider error)" },
  { from: ADVANCING, event: "pause", to: "paused", kinds: DEPLOY, reason: "a person paused it" },
  { from: ["paused"], event: "resume", to: "stepping", kinds: DEPLOY, reason: "a person resumed it" },
  { from: [...ADVANCING, "paused"], event: "promote", to: "stepping", kinds: DEPLOY, reason: "a person sent all traffic to it now" },
  {
    from: [...ADVANCING, "paused", "waiting_for_window"],
    event: "abort",
    to: "reverting",
    kinds: DEPLOY,
    reason: "a person aborted it",
  },
  { from: ["reverting"], event: "abort_reverted", to: "aborted", kinds: DEPLOY, reason: "an aborted deploy was taken back" },
  { from: ["reverting"], event: "failure_reverted", to: "rolled_back", kinds: DEPLOY, reason: "a failed deploy was taken back" },
  {
    from: ["reverting"],
    event: "failure_kept",
    to: "failed",
    reason: "a failed rollback, or a first deploy: there is nothing to take traffic back to, so it stays where it is",
  },
  { from: ACTIVE_STATES, event: "preempted", to: "aborted", kinds: DEPLOY, reason: "a rollback of its target pre-empted it" },
  { from: ACTIVE_STATES, event: "superseded", to: "aborted", kinds: ROLLBACK, reason: "a newer rollback of its target superseded it" },
];

export const ENTRY_STATES: Record<DeploymentKind, readonly DeploymentState[]> = {
  deploy: ["queued", "waiting_for_window"],
  rollback: ["queued"],
};

/** The state a new deployment starts in: queued, or (a deploy asked to wait for its window) waiting_for_window. */
export function entryState({ waitsForWindow }: { waitsForWindow: boolean }): DeploymentState {
  return waitsForWindow ? "waiting_for_window" : "queued";
}

const appliesTo = (t: Transition, kind?: DeploymentKind) => !kind || !t.kinds || t.kinds.includes(kind);

/** The state `event` leads to from `from` for a deployment of `kind`, or null when it does not apply there. */
export function nextState(options: { from: DeploymentState; event: LifecycleEvent; kind: DeploymentKind }): DeploymentState | null {
  const t = TRANSITIONS.find((row) => row.event === options.event && appliesTo(row, options.kind) && row.from.includes(options.from));
  return t?.to ?? null;
}

/** The states `event` may happen in (for the engine's conditional updates) and the state it leads to. */
export function transitionOf(event: LifecycleEvent, kind?: DeploymentKind): { from: DeploymentState[]; to: DeploymentState } {
  const rows = TRANSITIONS.filter((t) => t.event === event && appliesTo(t, kind));
  if (!rows[0]) throw new Error(`The lifecycle has no ${event} for a deployment of kind ${kind}.`);
  return { from: [...new Set(rows.flatMap((t) => t.from))], to: rows[0].to };
}

/** The table one row per from-state, as the README's diagram lists it. */
export function listTransitions(): { from: DeploymentState; event: LifecycleEvent; to: DeploymentState; kinds: DeploymentKind[] }[] {
  return TRANSITIONS.flatMap((t) =>
    t.from.map((from) => ({ from, event: t.event, to: t.to, kinds: [...(t.kinds ?? DEPLOY.concat(ROLLBACK))] })),
  );
}

/** The event a worker records when it starts a step of the plan. */
export function stepStartEvent(stepKind: string): LifecycleEvent {
  if (stepKind === "start_revision") return "revision_starting";
  return stepKind === "verify" ? "verification_started" : "step_started";
}
