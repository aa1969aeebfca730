-- CreateEnum
CREATE TYPE "AlertRuleStateKind" AS ENUM ('firing', 'ok', 'unknown');

-- CreateTable
CREATE TABLE "AlertRuleState" (
    "targetId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "severity" "AlertSeverity" NOT NULL,
    "state" "AlertRuleStateKind" NOT NULL,
    "condition" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRuleState_pkey" PRIMARY KEY ("targetId","fingerprint")
);

-- AddForeignKey
ALTER TABLE "AlertRuleState" ADD CONSTRAINT "AlertRuleState_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;
