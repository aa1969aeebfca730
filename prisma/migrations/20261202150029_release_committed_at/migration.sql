-- AlterTable
ALTER TABLE "Release" ADD COLUMN     "committedAt" TIMESTAMP(3);

-- Hand-written (the schema language cannot say a partial index): the delivery metrics read when each failed
-- deploy's step failed, its first error event, without reading the rest of its timeline.
CREATE INDEX "DeploymentEvent_error_idx" ON "DeploymentEvent" ("deploymentId", "createdAt") WHERE type = 'error';
