// A canary weight as a replica ratio, when no traffic router is present: the Service spreads requests over
// every ready pod of both revisions, so the candidate's share is its pods over all pods. The ratio cannot be
// finer than one pod, so a share above 0 keeps at least one candidate pod and one below 100 at least one
// stable pod; the effective share is reported, not the asked one.

export type ReplicaSplit = { candidate: number; stable: number; effectivePercent: number; precisionPercent: number };

export function splitReplicas({ total, percent }: { total: number; percent: number }): ReplicaSplit {
  const pods = Math.max(1, Math.floor(total));
  const precisionPercent = Math.round((100 / pods) * 100) / 100;
  if (percent <= 0) return { candidate: 0, stable: pods, effectivePercent: 0, precisionPercent };
  if (percent >= 100) return { candidate: pods, stable: 0, effectivePercent: 100, precisionPercent };
  if (pods === 1) return { candidate: 1, stable: 1, effectivePercent: 50, precisionPercent: 50 };
  const candidate = Math.min(pods - 1, Math.max(1, Math.round((pods * percent) / 100)));
  return { candidate, stable: pods - candidate, effectivePercent: Math.round((candidate / pods) * 10000) / 100, precisionPercent };
}
