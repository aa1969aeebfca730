// Prints the rollout lifecycle's diagram and transition table as the README's "Deploying and rolling back"
// section holds them (a unit test holds the README to this): `npx tsx lib/tooling/print-lifecycle.ts`.
import { renderLifecycleDiagram, renderTransitionTable } from "@/lib/domain/render-lifecycle";

console.log(`${renderLifecycleDiagram()}\n\n${renderTransitionTable()}`);
