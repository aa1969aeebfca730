import { describe, expect, it } from "vitest";
import { pollDelayMs } from "./poll-delay";

describe("pollDelayMs", () => {
  it("doubles from a quarter second to a ceiling of two seconds", () => {
    expect([0, 1, 2, 3, 4, 10].map((attempt) => pollDelayMs({ attempt }))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
  });

  it("takes another first delay and ceiling", () => {
    expect([0, 1, 2, 3].map((attempt) => pollDelayMs({ attempt, firstMs: 20, maxMs: 50 }))).toEqual([20, 40, 50, 50]);
  });
});
