// Which series a Prometheus target's SLOs read: its id, and for a Cloud Run target the project, region and
// service its whole-target selector names (lib/metrics/prometheus/query-templates.ts). Read only on the
// Prometheus path, so rollup targets pay nothing for it.
import { db } from "@/lib/db";
import type { SliScope } from "@/lib/metrics/sli/read-prometheus-target-sli";
import { parseProviderConfig } from "@/lib/providers/provider-config";

export async function loadSliScope(targetId: string): Promise<SliScope> {
  const target = await db.target.findUniqueOrThrow({ where: { id: targetId }, select: { providerType: true, providerConfig: true } });
  if (target.providerType !== "cloudrun") return { targetId };
  const { project, region, service } = parseProviderConfig({ type: "cloudrun", config: target.providerConfig });
  return { targetId, placeholders: { project, region, service } };
}
