// What getStatus says about a target whose supervisor died: every revision it ran is gone, with the reason,
// so the engine fails or rolls forward knowingly instead of the provider quietly starting over.
import type { TargetStatus } from "../types";
import type { SupervisorLookup } from "./supervisor-directory";

export function describeLost(found: Extract<SupervisorLookup, { kind: "lost" }>): TargetStatus {
  return {
    url: null,
    lost: { reason: found.reason },
    revisions: [...found.state.revisions].reverse().map((record) => ({
      name: record.name,
      version: record.version,
      image: record.image,
      digest: record.digest,
      state: "gone",
      ready: false,
      healthy: false,
      url: null,
      traffic: 0,
      createdAt: record.createdAt,
      ...(record.exitCode !== undefined ? { exitCode: record.exitCode } : {}),
      reason: found.reason,
    })),
  };
}
