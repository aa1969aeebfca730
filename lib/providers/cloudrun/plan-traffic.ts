// The `traffic` a Cloud Run update sends: always explicit revisions by percent (never "latest", so a new
// revision cannot take traffic by becoming ready), and the tags that keep each candidate's URL. Pure.
import type { protos } from "@google-cloud/run";

type Service = protos.google.cloud.run.v2.IService;
export type TrafficTarget = protos.google.cloud.run.v2.ITrafficTarget;

/** TrafficTargetAllocationType, as the REST transport sends it (numeric enums). */
const REVISION = 2;
const isLatest = (type: unknown) => type === 1 || type === "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";
const shortId = (name: string | null | undefined) => name?.split("/").pop() ?? "";

type Entry = { revision: string; percent: number; tag?: string };

/**
 * The service's traffic as explicit revision entries: "latest" resolved to the latest ready revision, and
 * revisions in `failed` left out (a failed revision stays in the desired traffic Cloud Run keeps, and every
 * later update naming it would fail as well).
 */
export function explicitTraffic(service: Service, failed: ReadonlySet<string> = new Set()): Entry[] {
  const latest = shortId(service.latestReadyRevision);
  const entries: Entry[] = [];
  for (const target of service.traffic ?? []) {
    const revision = isLatest(target.type) || !target.revision ? latest : shortId(target.revision);
    if (!revision || failed.has(revision)) continue;
    entries.push({ revision, percent: target.percent ?? 0, ...(target.tag ? { tag: target.tag } : {}) });
  }
  return entries;
}

const toTargets = (entries: Entry[]): TrafficTarget[] =>
  entries.map((e) => ({ type: REVISION, revision: e.revision, percent: e.percent, ...(e.tag ? { tag: e.tag } : {}) }));

/**
 * Traffic unchanged, plus `revision` at 0 % under `tag` (taken from any revision that held it). A service
 * with no serving revision yet (a first deploy) routes everything to it, as Cloud Run does.
 */
export function withCandidateTag({
  service,
  revision,
  tag,
  failed,
}: {
  service: Service;
  revision: string;
  tag: string;
  failed?: ReadonlySet<string>;
}): TrafficTarget[] {
  const entries = explicitTraffic(service, failed)
    .filter((e) => e.revision !== revision || e.percent > 0)
    .map((e) => (e.tag === tag ? { revision: e.revision, percent: e.percent } : e))
    .filter((e) => e.percent > 0 || e.tag);
  if (!entries.some((e) => e.percent > 0)) return toTargets([{ revision, percent: 100, tag }]);
  return toTargets([...entries, { revision, percent: 0, tag }]);
}

/** The whole split (revision id → percent, summing to 100); every tag stays on its revision. */
export function planTraffic({
  service,
  split,
  failed,
}: {
  service: Service;
  split: Record<string, number>;
  failed?: ReadonlySet<string>;
}): TrafficTarget[] {
  const tags = new Map<string, string>();
  for (const e of explicitTraffic(service, failed)) if (e.tag) tags.set(e.revision, e.tag);
  const entries: Entry[] = Object.entries(split)
    .filter(([, percent]) => percent > 0)
    .map(([revision, percent]) => ({ revision, percent, ...(tags.has(revision) ? { tag: tags.get(revision) } : {}) }));
  for (const [revision, tag] of tags) if (!entries.some((e) => e.revision === revision)) entries.push({ revision, percent: 0, tag });
  return toTargets(entries);
}

/** The traffic without `revision`'s tag (its 0 % entry goes; a share it has stays). */
export function withoutTag({
  service,
  revision,
  failed,
}: {
  service: Service;
  revision: string;
  failed?: ReadonlySet<string>;
}): TrafficTarget[] {
  return toTargets(
    explicitTraffic(service, failed)
      .map((e) => (e.revision === revision ? { revision: e.revision, percent: e.percent } : e))
      .filter((e) => e.percent > 0 || e.tag),
  );
}
