// CPU time and resident memory of each revision, read from /proc. A revision is a process group (tsx and
// shell commands start children of their own), so its usage is the sum over every process of its group.
// Linux only, like the rest of the local provider's process handling; elsewhere every revision reads empty.
import { readdir, readFile } from "node:fs/promises";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every Linux architecture (part of the ABI).
const TICKS_PER_SECOND = 100;

export type ProcessUsage = { cpuSeconds: number; rssBytes: number; processes: number };

/** The fields of /proc/<pid>/stat that follow the command name, which may itself contain spaces and ")". */
function statFields(text: string): string[] {
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

async function readRssBytes(pid: string): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Usage per process group id, for the groups asked about; a group with no live process is left out. */
export async function readProcessGroupUsage(groupIds: readonly number[]): Promise<Map<number, ProcessUsage>> {
  const wanted = new Set(groupIds);
  const usage = new Map<number, ProcessUsage>();
  if (wanted.size === 0) return usage;
  const pids = (await readdir("/proc").catch(() => [] as string[])).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      // A process may exit between readdir and this read: it simply does not count.
      const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => undefined);
      if (!text) return;
      const fields = statFields(text);
      const group = Number(fields[2]); // field 5, pgrp
      if (!wanted.has(group)) return;
      const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // fields 14 and 15: utime, stime
      const rssBytes = await readRssBytes(pid);
      const sum = usage.get(group) ?? { cpuSeconds: 0, rssBytes: 0, processes: 0 };
      usage.set(group, { cpuSeconds: sum.cpuSeconds + cpuSeconds, rssBytes: sum.rssBytes + rssBytes, processes: sum.processes + 1 });
    }),
  );
  return usage;
}
