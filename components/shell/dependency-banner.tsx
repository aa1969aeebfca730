"use client";
// Names what Flightdeck depends on that is down, with the fix, and goes away by itself once health is back.
import { useHealth, type Health } from "./use-health";

const NAMES: Record<string, string> = { postgres: "PostgreSQL", redis: "Redis", workers: "Worker pool", flightdeck: "Flightdeck server" };

export function describeOutage(health: Health): { name: string; error: string }[] {
  const down = health.down.length ? health.down : Object.keys(health.checks).filter((k) => health.checks[k]?.ok === false);
  return down.map((name) => ({ name: NAMES[name] ?? name, error: health.checks[name]?.error ?? "It does not answer." }));
}

export function DependencyBanner() {
  const { data } = useHealth();
  if (!data || data.status === "ok") return null;
  const outages = describeOutage(data);
  return (
    <div role="alert" data-testid="dependency-banner" className="border-b border-red-300 bg-red-50 py-2 text-sm text-red-900">
      <div className="mx-auto flex max-w-7xl flex-col gap-0.5 px-4">
        <p className="font-semibold">
          Degraded: {outages.map((o) => o.name).join(", ") || "a dependency"} {outages.length === 1 ? "is" : "are"} down.
        </p>
        {outages.map((o) => (
          <p key={o.name}>
            <span className="font-medium">{o.name}:</span> {o.error}
          </p>
        ))}
      </div>
    </div>
  );
}
