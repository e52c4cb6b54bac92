-- AlterTable
ALTER TABLE "ShortLink" ADD COLUMN     "createdById" TEXT;

-- CreateIndex
CREATE INDEX "ShortLink_createdById_idx" ON "ShortLink"("createdById");

-- AddForeignKey
ALTER TABLE "ShortLink" ADD CONSTRAINT "ShortLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
