import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DeploymentState as PrismaDeploymentState } from "@/lib/db/generated/enums";
import { renderLifecycleDiagram, renderTransitionTable } from "./render-lifecycle";
import {
  ACTIVE_STATES,
  DEPLOYMENT_STATES,
  isActive,
  isMoving,
  isTerminal,
  MOVING_STATES,
  nextState,
  stepStartEvent,
  TERMINAL_STATES,
  transitionOf,
  TRANSITIONS,
  type DeploymentKind,
  type DeploymentState,
  type LifecycleEvent,
} from "./rollout-lifecycle";

// Written out by hand (not derived from the module): from-state, event, to-state, kinds.
const EXPECTED = `
waiting_for_window window_opened queued deploy
waiting_for_window window_gate_refused failed deploy
queued revision_starting deploying deploy,rollback
deploying revision_starting deploying deploy,rollback
verifying revision_starting deploying deploy,rollback
stepping revision_starting deploying deploy,rollback
queued verification_started verifying deploy,rollback
deploying verification_started verifying deploy,rollback
verifying verification_started verifying deploy,rollback
stepping verification_started verifying deploy,rollback
queued step_started stepping deploy,rollback
deploying step_started stepping deploy,rollback
verifying step_started stepping deploy,rollback
stepping step_started stepping deploy,rollback
queued step_done stepping deploy,rollback
deploying step_done stepping deploy,rollback
verifying step_done stepping deploy,rollback
stepping step_done stepping deploy,rollback
queued promotion_awaited paused deploy,rollback
deploying promotion_awaited paused deploy,rollback
verifying promotion_awaited paused deploy,rollback
stepping promotion_awaited paused deploy,rollback
queued rollout_completed succeeded deploy,rollback
deploying rollout_completed succeeded deploy,rollback
verifying rollout_completed succeeded deploy,rollback
stepping rollout_completed succeeded deploy,rollback
queued step_failed reverting deploy,rollback
deploying step_failed reverting deploy,rollback
verifying step_failed reverting deploy,rollback
stepping step_failed reverting deploy,rollback
queued pause paused deploy
deploying pause paused deploy
verifying pause paused deploy
stepping pause paused deploy
paused resume stepping deploy
queued promote stepping deploy
deploying promote stepping deploy
verifying promote stepping deploy
stepping promote stepping deploy
paused promote stepping deploy
queued abort reverting deploy
deploying abort reverting deploy
verifying abort reverting deploy
stepping abort reverting deploy
paused abort reverting deploy
waiting_for_window abort reverting deploy
reverting abort_reverted aborted deploy
reverting failure_reverted rolled_back deploy
reverting failure_kept failed deploy,rollback
queued preempted aborted deploy
waiting_for_window preempted aborted deploy
deploying preempted aborted deploy
verifying preempted aborted deploy
stepping preempted aborted deploy
paused preempted aborted deploy
reverting preempted aborted deploy
queued superseded aborted rollback
waiting_for_window superseded aborted rollback
deploying superseded aborted rollback
verifying superseded aborted rollback
stepping superseded aborted rollback
paused superseded aborted rollback
reverting superseded aborted rollback
`
  .trim()
  .split("\n")
  .map((line) => line.split(" ") as [DeploymentState, LifecycleEvent, DeploymentState, string]);

const STATES = Object.keys(DEPLOYMENT_STATES) as DeploymentState[];
const EVENTS = [...new Set(TRANSITIONS.map((t) => t.event))];
const KINDS: DeploymentKind[] = ["deploy", "rollback"];

describe("the deployment states", () => {
  it("are exactly the database's", () => {
    expect(STATES.sort()).toEqual(Object.values(PrismaDeploymentState).sort());
  });

  it("split into active (moving or waiting) and terminal", () => {
    expect([...MOVING_STATES].sort()).toEqual(["deploying", "queued", "reverting", "stepping", "verifying"]);
    expect([...ACTIVE_STATES].sort()).toEqual([
      "deploying",
      "paused",
      "queued",
      "reverting",
      "stepping",
      "verifying",
      "waiting_for_window",
    ]);
    expect([...TERMINAL_STATES].sort()).toEqual(["aborted", "failed", "rolled_back", "succeeded"]);
    for (const s of STATES) expect([isActive(s), isTerminal(s)]).toEqual(TERMINAL_STATES.includes(s) ? [false, true] : [true, false]);
    expect(isMoving("paused")).toBe(false);
    expect([isActive("rolling_back"), isMoving("preparing"), isTerminal("nonsense")]).toEqual([false, false, false]);
  });
});

describe("the transitions", () => {
  it.each(EXPECTED)("%s --%s--> %s (%s)", (from, event, to, kinds) => {
    for (const kind of KINDS) expect(nextState({ from, event, kind })).toBe(kinds.split(",").includes(kind) ? to : null);
  });

  it("are only those: every other state × event × kind leads nowhere", () => {
    let refused = 0;
    for (const from of STATES)
      for (const event of EVENTS)
        for (const kind of KINDS) {
          const row = EXPECTED.find(([f, e, , k]) => f === from && e === event && k.split(",").includes(kind));
          expect(nextState({ from, event, kind }), `${from} ${event} ${kind}`).toBe(row ? row[2] : null);
          if (!row) refused += 1;
        }
    const allowed = EXPECTED.reduce((n, row) => n + row[3].split(",").length, 0);
    expect(refused).toBe(STATES.length * EVENTS.length * KINDS.length - allowed);
  });

  it("never leave a terminal state, and each event leads to one state", () => {
    for (const t of TRANSITIONS) expect(t.from.some((s) => TERMINAL_STATES.includes(s))).toBe(false);
    for (const event of EVENTS) expect(new Set(TRANSITIONS.filter((t) => t.event === event).map((t) => t.to)).size).toBe(1);
  });

  it("give the engine the states an event may happen in", () => {
    expect(transitionOf("step_done")).toEqual({ from: ["queued", "deploying", "verifying", "stepping"], to: "stepping" });
    expect(transitionOf("abort", "deploy").from).toContain("waiting_for_window");
    expect(transitionOf("superseded", "rollback").to).toBe("aborted");
  });

  it("name the state a worker enters for each kind of step", () => {
    expect(["start_revision", "verify", "set_traffic", "pause", "finalize"].map(stepStartEvent)).toEqual([
      "revision_starting",
      "verification_started",
      "step_started",
      "step_started",
      "step_started",
    ]);
  });
});

describe("the README", () => {
  it("shows exactly the module's lifecycle: its diagram and its transition table", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain(renderLifecycleDiagram());
    expect(readme).toContain(renderTransitionTable());
  });

  it("draws every transition of the table, and each event on the arrow of its states", () => {
    const diagram = renderLifecycleDiagram();
    const node = (s: DeploymentState) => (["queued", "deploying", "verifying", "stepping"].includes(s) ? "advancing" : s);
    for (const [from, event, to] of EXPECTED) {
      const arrow = diagram.split("\n").find((line) => line.startsWith(`  ${node(from)} --> ${node(to)} : `));
      expect(arrow?.split(" : ")[1]?.split(", "), `${from} ${event} ${to}`).toContain(event);
    }
  });
});
