import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readProcessGroupUsage } from "./read-process-usage";

describe("readProcessGroupUsage", () => {
  it("sums a real process group: a shell and its busy child, with their CPU time and memory", async () => {
    // A group of two processes: sh, and a node child that burns CPU for a while.
    const child = spawn("sh", ["-c", `${process.execPath} -e 'const end = Date.now() + 1500; while (Date.now() < end);' ; sleep 5`], {
      detached: true,
      stdio: "ignore",
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const usage = (await readProcessGroupUsage([child.pid!])).get(child.pid!)!;
      expect(usage.processes).toBe(2);
      // Well under the 1.2 s of wall time: the machine is shared, but an idle group would read 0.
      expect(usage.cpuSeconds).toBeGreaterThan(0.1);
      expect(usage.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
      expect((await readProcessGroupUsage([999_999_999])).size).toBe(0);
    } finally {
      process.kill(-child.pid!, "SIGKILL");
    }
  });
});
