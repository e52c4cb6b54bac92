-- AlterTable
ALTER TABLE "ShortLink" ADD COLUMN     "codeKey" TEXT,
ADD COLUMN     "forwardQuery" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "utmCampaign" TEXT,
ADD COLUMN     "utmContent" TEXT,
ADD COLUMN     "utmMedium" TEXT,
ADD COLUMN     "utmSource" TEXT,
ADD COLUMN     "utmTerm" TEXT;

-- CreateTable
CREATE TABLE "LinkChange" (
    "id" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LinkChange_linkId_createdAt_idx" ON "LinkChange"("linkId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShortLink_codeKey_key" ON "ShortLink"("codeKey");

-- AddForeignKey
ALTER TABLE "LinkChange" ADD CONSTRAINT "LinkChange_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShortLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Aliases are unique regardless of case from now on. Every existing link gets its lower-case key,
-- except links whose codes differ only by case ("Spring" and "spring"): those are kept distinct,
-- unchanged and reachable by their exact spelling, with a null key. Nothing fails, nothing is
-- merged: the shortener lists them at start and `npm run links:check` prints them.
UPDATE "ShortLink" SET "codeKey" = lower("code")
WHERE lower("code") IN (
  SELECT lower("code") FROM "ShortLink" GROUP BY lower("code") HAVING count(*) = 1
);
