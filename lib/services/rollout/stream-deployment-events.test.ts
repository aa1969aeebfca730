import { describe, expect, it } from "vitest";
import { createEventCursor } from "./stream-deployment-events";

const event = (id: number) => ({
  id: String(id),
  type: "step_started",
  message: `event ${id}`,
  data: {},
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("createEventCursor", () => {
  it("passes each event once, however often the lagging window re-reads it", () => {
    const cursor = createEventCursor(0n);
    expect(cursor.accept([event(1), event(2)], 0).map((e) => e.id)).toEqual(["1", "2"]);
    expect(cursor.accept([event(1), event(2), event(3)], 250).map((e) => e.id)).toEqual(["3"]);
  });

  it("still delivers an event with a lower id that committed after a higher one", () => {
    const cursor = createEventCursor(0n);
    cursor.accept([event(10), event(12)], 0);
    // id 11 was taken before 12 but its transaction committed later.
    expect(cursor.accept([event(10), event(11), event(12)], 500).map((e) => e.id)).toEqual(["11"]);
    expect(cursor.floor()).toBe(0n);
  });

  it("moves its floor up to what was seen a few seconds ago", () => {
    const cursor = createEventCursor(5n);
    cursor.accept([event(6)], 0);
    cursor.accept([event(7)], 1_000);
    cursor.accept([], 3_500);
    expect(cursor.floor()).toBe(6n);
  });

  it("drops what lies at or below its floor, as a shared feed re-reads a longer window than this viewer needs", () => {
    const cursor = createEventCursor(10n);
    expect(cursor.accept([event(9), event(10), event(11)], 0).map((e) => e.id)).toEqual(["11"]);
  });
});
