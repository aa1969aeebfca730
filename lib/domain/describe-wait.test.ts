import { describe, expect, it } from "vitest";
import { describeWait } from "./describe-wait";

describe("describeWait", () => {
  it("says seconds under a minute and whole minutes, rounded up, after", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(3)).toBe("3 seconds");
    expect(describeWait(59)).toBe("59 seconds");
    expect(describeWait(60)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(900)).toBe("15 minutes");
  });

  it("never says zero or a fraction", () => {
    expect(describeWait(0)).toBe("1 second");
    expect(describeWait(2.2)).toBe("3 seconds");
  });
});
