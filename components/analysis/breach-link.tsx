"use client";
// "See the breach" on a decision event of the timeline: a link to the measurement row the decision rests on.
// The hash alone scrolls there; focusing the row as well lands keyboard and screen-reader users on it.
import { measurementAnchor } from "./describe-run";

type Breach = { measurementId: string; trigger: string; measuredAt: string };

/** The breach of a decision event's data (run-analysis-tick.ts writes it), or null for any other shape. */
export function breachOf(data: unknown): Breach | null {
  if (typeof data !== "object" || data === null || !("breach" in data)) return null;
  const breach = (data as { breach: unknown }).breach;
  if (typeof breach !== "object" || breach === null) return null;
  const { measurementId, trigger, measuredAt } = breach as Record<string, unknown>;
  if (typeof measurementId !== "string" || typeof trigger !== "string" || typeof measuredAt !== "string") return null;
  return { measurementId, trigger, measuredAt };
}

export function BreachLink({ breach }: { breach: Breach }) {
  const id = measurementAnchor(breach.measurementId);
  return (
    <a
      href={`#${id}`}
      className="ml-2 text-sm font-medium whitespace-nowrap text-sky-700 underline hover:text-sky-900"
      aria-label={`See the breach: ${breach.trigger}`}
      onClick={() => {
        // After the browser has followed the hash (and scrolled), without scrolling a second time.
        setTimeout(() => document.getElementById(id)?.focus({ preventScroll: true }), 0);
      }}
    >
      See the breach
    </a>
  );
}
