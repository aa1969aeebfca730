-- A deploy being taken back was "rolling_back", easily read as a deployment of kind rollback: it is
-- "reverting" now. RENAME VALUE keeps every row that holds it.
ALTER TYPE "DeploymentState" RENAME VALUE 'rolling_back' TO 'reverting';

-- "preparing" was never entered: a worker's first step (start_revision, state "deploying") is the
-- preparation. Postgres cannot drop an enum value, so the type is rebuilt without it; a row that holds it
-- (only ever written by hand) is queued again first, so the worker picks it up from its current step.
BEGIN;
UPDATE "Deployment" SET "state" = 'queued' WHERE "state" = 'preparing';
CREATE TYPE "DeploymentState_new" AS ENUM ('queued', 'waiting_for_window', 'deploying', 'verifying', 'stepping', 'paused', 'succeeded', 'failed', 'reverting', 'rolled_back', 'aborted');
ALTER TABLE "Deployment" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "Deployment" ALTER COLUMN "state" TYPE "DeploymentState_new" USING ("state"::text::"DeploymentState_new");
ALTER TYPE "DeploymentState" RENAME TO "DeploymentState_old";
ALTER TYPE "DeploymentState_new" RENAME TO "DeploymentState";
DROP TYPE "DeploymentState_old";
ALTER TABLE "Deployment" ALTER COLUMN "state" SET DEFAULT 'queued';
COMMIT;
