-- Live updates without polling per viewer: every new timeline event, and every change of a deployment's live
-- fields, tells the web processes listening on channel "deployment_changed" which deployment moved (payload:
-- its id). Postgres delivers a notification when the writing transaction commits, once per distinct payload
-- per transaction, so a reader that fetches on a notification always finds the change.
-- (Hand-written: the schema language cannot say triggers. No schema change.)

CREATE FUNCTION "notify_deployment_event"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('deployment_changed', NEW."deploymentId");
  RETURN NULL;
END;
$$;

CREATE FUNCTION "notify_deployment_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('deployment_changed', NEW."id");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "DeploymentEvent_notify" AFTER INSERT ON "DeploymentEvent"
  FOR EACH ROW EXECUTE FUNCTION "notify_deployment_event"();

-- Only the fields a deployment page shows live (lib/services/rollout/read-deployment-changes.ts): a bump of
-- `generation` or `updatedAt` alone wakes nobody.
CREATE TRIGGER "Deployment_notify" AFTER UPDATE ON "Deployment"
  FOR EACH ROW WHEN (
    OLD."state" IS DISTINCT FROM NEW."state"
    OR OLD."currentStep" IS DISTINCT FROM NEW."currentStep"
    OR OLD."trafficPercent" IS DISTINCT FROM NEW."trafficPercent"
    OR OLD."pausedReason" IS DISTINCT FROM NEW."pausedReason"
    OR OLD."resumeAt" IS DISTINCT FROM NEW."resumeAt"
    OR OLD."error" IS DISTINCT FROM NEW."error"
    OR OLD."activeTargetId" IS DISTINCT FROM NEW."activeTargetId"
    OR OLD."startedAt" IS DISTINCT FROM NEW."startedAt"
    OR OLD."finishedAt" IS DISTINCT FROM NEW."finishedAt"
    OR OLD."plan"::text IS DISTINCT FROM NEW."plan"::text
  )
  EXECUTE FUNCTION "notify_deployment_update"();
