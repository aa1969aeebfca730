// The Cloud Run Admin API v2 enums as they travel with `$alt=json;enum-encoding=int`: integers, never names.
// Values copied from the client's own protos (node_modules/@google-cloud/run/build/protos/google/cloud/run/v2/
// traffic_target.proto and condition.proto), so the test server and the real client cannot disagree.

/** TrafficTargetAllocationType */
export const TrafficType = {
  UNSPECIFIED: 0,
  /** TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST: the service's latest ready revision. */
  LATEST: 1,
  /** TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION: a revision by name. */
  REVISION: 2,
} as const;

/** Condition.State */
export const ConditionState = {
  UNSPECIFIED: 0,
  PENDING: 1,
  RECONCILING: 2,
  FAILED: 3,
  SUCCEEDED: 4,
} as const;

/** Condition.Severity */
export const ConditionSeverity = { UNSPECIFIED: 0, ERROR: 1, WARNING: 2, INFO: 3 } as const;

/** Condition.CommonReason (the `reason` member of the `reasons` oneof). */
export const CommonReason = {
  UNDEFINED: 0,
  UNKNOWN: 1,
  REVISION_FAILED: 3,
  PROGRESS_DEADLINE_EXCEEDED: 4,
  WAITING_FOR_OPERATION: 13,
  INTERNAL: 16,
} as const;

/** Condition.RevisionReason (the `revisionReason` member of the `reasons` oneof). */
export const RevisionReason = {
  UNDEFINED: 0,
  PENDING: 1,
  RESERVE: 2,
  RETIRED: 3,
  RETIRING: 4,
  HEALTH_CHECK_CONTAINER_ERROR: 6,
} as const;

/** The names a JSON client may send instead of numbers (without enum-encoding=int), mapped to the numbers. */
const TRAFFIC_TYPE_NAMES: Record<string, number> = {
  TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED: TrafficType.UNSPECIFIED,
  TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST: TrafficType.LATEST,
  TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION: TrafficType.REVISION,
};

/** A traffic type as sent (number or enum name) → its number; undefined when it is neither. */
export function toTrafficType(value: unknown): number | undefined {
  if (value === undefined || value === null) return TrafficType.UNSPECIFIED;
  if (typeof value === "number" && Object.values(TrafficType).includes(value as 0 | 1 | 2)) return value;
  if (typeof value === "string") return TRAFFIC_TYPE_NAMES[value];
  return undefined;
}
