// The rollout lifecycle as the README shows it: a mermaid state diagram and a table of the transitions, both
// written from lib/domain/rollout-lifecycle.ts. A unit test holds the README to this output, so the picture
// cannot drift from the code (`npx tsx lib/tooling/print-lifecycle.ts` prints it to paste).
import { ADVANCING_STATES, ENTRY_STATES, listTransitions, TERMINAL_STATES, TRANSITIONS, type DeploymentState } from "./rollout-lifecycle";

/** The four states a rollout moves forward through are one node: every event leads from any of them alike. */
const ADVANCING_NODE = "advancing";
const node = (state: DeploymentState) => (ADVANCING_STATES.includes(state) ? ADVANCING_NODE : state);

/** stateDiagram-v2: one arrow per from → to, labelled with the events that take it. */
export function renderLifecycleDiagram(): string {
  const edges = new Map<string, string[]>();
  for (const t of listTransitions()) {
    const key = `${node(t.from)} --> ${node(t.to)}`;
    const events = edges.get(key) ?? [];
    if (!events.includes(t.event)) events.push(t.event);
    edges.set(key, events);
  }
  const group = `  state "${ADVANCING_STATES.join(", ")}" as ${ADVANCING_NODE}`;
  const entries = [...new Set(Object.values(ENTRY_STATES).flat().map(node))].map((s) => `  [*] --> ${s}`);
  const arrows = [...edges].map(([key, events]) => `  ${key} : ${events.join(", ")}`);
  const exits = TERMINAL_STATES.map((s) => `  ${s} --> [*]`);
  return ["```mermaid", "stateDiagram-v2", group, ...entries, ...arrows, ...exits, "```"].join("\n");
}

/** One row per event: the states it may happen in, the state it leads to, the kinds it applies to, and why. */
export function renderTransitionTable(): string {
  const rows = TRANSITIONS.map(
    (t) => `| ${t.from.join(", ")} | \`${t.event}\` | ${t.to} | ${t.kinds ? t.kinds.join(", ") : "deploy, rollback"} | ${t.reason} |`,
  );
  return ["| from | event | to | kinds | why |", "|---|---|---|---|---|", ...rows].join("\n");
}
