import { describe, expect, it } from "vitest";
import { evaluatePromotion } from "./evaluate-promotion";
import { listSucceededEnvironmentIds, type ReleaseDeployment } from "./list-succeeded-environment-ids";

// deliberately out of order: the promotion order decides, not the list order
const environments = [
  { id: "env-prod", slug: "production", promotionOrder: 20 },
  { id: "env-dev", slug: "dev", promotionOrder: 5 },
  { id: "env-stg", slug: "staging", promotionOrder: 10 },
];
const promote = (targetEnvironmentId: string, succeededEnvironmentIds: string[], hotfix = false) =>
  evaluatePromotion({ environments, targetEnvironmentId, hotfix, succeededEnvironmentIds });
const deployment = (fields: Partial<ReleaseDeployment>): ReleaseDeployment => ({
  environmentId: "env-stg",
  kind: "deploy",
  state: "succeeded",
  isRolledBack: false,
  ...fields,
});

describe("evaluatePromotion", () => {
  it("always lets a release into the first environment", () => {
    expect(promote("env-dev", [])).toEqual({ allowed: true, reason: "dev is the first environment in the promotion order", bypass: null });
  });

  it("needs success in the environment immediately before", () => {
    expect(promote("env-prod", ["env-dev"])).toEqual({
      allowed: false,
      reason: "Deploy this release to staging and let it succeed there before production",
      requiredEnvironment: "staging",
      bypass: null,
    });
    expect(promote("env-prod", ["env-stg"])).toEqual({
      allowed: true,
      reason: "Succeeded in staging, so it may go to production",
      bypass: null,
    });
  });

  it("refuses production after a failed staging deployment", () => {
    const succeeded = listSucceededEnvironmentIds({
      deployments: [deployment({ environmentId: "env-dev" }), deployment({ state: "failed" })],
    });
    expect(succeeded).toEqual(["env-dev"]);
    expect(promote("env-prod", succeeded)).toMatchObject({ allowed: false, requiredEnvironment: "staging" });
  });

  it("exempts hotfixes, saying so", () => {
    expect(promote("env-prod", [], true)).toEqual({
      allowed: true,
      reason: "Hotfix: exempt from succeeding in staging before production; a post-hoc review will be opened",
      bypass: "hotfix",
    });
  });

  it("refuses an environment it does not know", () => {
    expect(promote("env-nope", [])).toEqual({ allowed: false, reason: "Unknown environment env-nope", bypass: null });
  });
});

describe("listSucceededEnvironmentIds", () => {
  it("counts only deploys that succeeded and still stand", () => {
    const deployments = [
      deployment({ environmentId: "a" }),
      deployment({ environmentId: "a" }),
      deployment({ environmentId: "b", state: "rolled_back" }),
      deployment({ environmentId: "c", isRolledBack: true }),
      deployment({ environmentId: "d", kind: "rollback" }),
      deployment({ environmentId: "e", state: "aborted" }),
      deployment({ environmentId: "f", state: "verifying" }),
    ];
    expect(listSucceededEnvironmentIds({ deployments })).toEqual(["a"]);
  });
});
