-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "archivedAt" TIMESTAMP(3);
