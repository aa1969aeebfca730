// A revision template as Cloud Run stores and reports it: the defaults it fills in for fields left out, and
// nothing of what proto3 treats as unset. Two templates with the same configuration key describe the same
// revision, whether sent by hand or echoed back from a GET with every default spelled out.
import type { TemplateBody } from "./service-body-schema";

/** Drops what proto3 treats as unset (0, false, "", empty lists and maps), so a GET's echo compares equal to its source. */
function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (!value || typeof value !== "object") return value;
  const entries = Object.entries(value)
    .map(([key, v]) => [key, pruneEmpty(v)] as const)
    .filter(
      ([, v]) => v !== undefined && v !== "" && v !== 0 && v !== false && !(typeof v === "object" && v && Object.keys(v).length === 0),
    );
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The template with the defaults Cloud Run reports for fields left out. */
function withDefaults(template: TemplateBody): Record<string, unknown> {
  const pruned = pruneEmpty(template) as TemplateBody;
  const containers = pruned.containers.map((container) => ({
    ports: [{ name: "http1", containerPort: 8080 }],
    resources: { limits: { cpu: "1000m", memory: "512Mi" }, cpuIdle: true, startupCpuBoost: true },
    ...container,
  }));
  return pruneEmpty({
    timeout: "300s",
    maxInstanceRequestConcurrency: 80,
    scaling: { maxInstanceCount: 100 },
    ...pruned,
    containers,
  }) as Record<string, unknown>;
}

export function normalizeRevisionTemplate(template: TemplateBody): { template: Record<string, unknown>; templateKey: string } {
  const normalized = withDefaults(template);
  const { revision: _name, ...configuration } = normalized;
  return { template: normalized, templateKey: JSON.stringify(configuration) };
}
