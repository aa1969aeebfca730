// A target whose Prometheus selector matches nothing, against a real Prometheus: each of the documents' four
// rules is recorded as one that cannot be judged, and its reason says the query matched nothing (an empty
// vector), not merely that traffic was low. The target serves nothing in the database, so no other file's
// worker evaluates it meanwhile.
import { afterAll, beforeAll, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db";
import { DEFAULT_ALERT_RULES } from "@/lib/domain/document-defaults";
import { createTarget } from "@/lib/services/rollout/testing/engine-fixtures";
import { type OwnPrometheus, startOwnPrometheus } from "@/lib/testing/own-prometheus";
import { evaluateTargetAlerts } from "./evaluate-target-alerts";

let prometheus: OwnPrometheus;
let targetId: string;

beforeAll(async () => {
  prometheus = await startOwnPrometheus({ targets: [] });
  targetId = (await createTarget({ strategy: "rolling" })).target.id;
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await disconnectDb();
});

it("records each rule of a target whose selector matches nothing as unjudged, saying the query matched nothing", async () => {
  const metricsSource = { type: "prometheus", url: prometheus.url, selector: 'job="no-such-job",version="{{revision}}"' };
  const now = new Date();
  const changes = await evaluateTargetAlerts({
    target: { id: targetId, currentRevision: "r1", metricsSource, service: { alertRules: DEFAULT_ALERT_RULES } },
    now,
  });
  expect(changes.open).toEqual([]);
  const states = await getDb().alertRuleState.findMany({ where: { targetId }, orderBy: { name: "asc" } });
  expect(states.map((s) => s.name)).toEqual([...DEFAULT_ALERT_RULES.map((r) => r.name)].sort());
  for (const state of states) {
    expect(state).toMatchObject({ state: "unknown", since: now });
    expect(state.reason).toMatch(/^the serving revision had 0 samples in \d+ s.* \(no data: the query returned an empty vector\)$/);
  }
});
