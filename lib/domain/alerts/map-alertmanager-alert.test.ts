// Alertmanager labels → the Flightdeck target and severity.
import { describe, expect, it } from "vitest";
import { mapAlertmanagerAlert } from "./map-alertmanager-alert";

const map = (labels: Record<string, string>, annotations: Record<string, string> = {}) =>
  mapAlertmanagerAlert({ labels, annotations, fingerprint: "f1" });

describe("mapAlertmanagerAlert", () => {
  it("takes the target id from flightdeck_target before service and environment", () => {
    expect(map({ flightdeck_target: "t1", service: "api", environment: "production" }).target).toEqual({ kind: "id", targetId: "t1" });
  });

  it("takes service and environment slugs, flightdeck_-prefixed ones first", () => {
    expect(map({ service: "api", environment: "production" }).target).toEqual({ kind: "slugs", service: "api", environment: "production" });
    expect(map({ service: "k8s-svc", flightdeck_service: "api", environment: "staging" }).target).toEqual({
      kind: "slugs",
      service: "api",
      environment: "staging",
    });
  });

  it("has no target without either", () => {
    expect(map({ service: "api" }).target).toBeNull();
    expect(map({ flightdeck_target: "  " }).target).toBeNull();
  });

  it("maps severities and says how", () => {
    expect(map({ severity: "critical" })).toMatchObject({ severity: "P1", severityFrom: 'severity="critical"' });
    expect(map({ severity: "P2" }).severity).toBe("P2");
    expect(map({ severity: "warning" }).severity).toBe("P3");
    expect(map({ severity: "info" }).severity).toBe("P4");
    expect(map({ severity: "spicy" })).toMatchObject({ severity: "P3", severityFrom: 'unknown severity "spicy", taken as P3' });
    expect(map({})).toMatchObject({ severity: "P3", severityFrom: "no severity label, taken as P3" });
  });

  it("names the alert by alertname and sums it up from the annotations", () => {
    expect(map({ alertname: "HighErrorRate" }, { description: "d", summary: "s" })).toMatchObject({
      name: "HighErrorRate",
      summary: "s",
      fingerprint: "f1",
    });
    expect(map({}, {})).toMatchObject({ name: "Alertmanager alert", summary: null });
  });
});
