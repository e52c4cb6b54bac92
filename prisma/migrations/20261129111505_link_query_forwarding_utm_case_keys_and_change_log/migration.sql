-- CreateTable
CREATE TABLE "LinkChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LinkChange_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShortLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShortLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "codeKey" TEXT,
    "url" TEXT NOT NULL,
    "forwardQuery" BOOLEAN NOT NULL DEFAULT true,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "articleId" TEXT,
    "redirectType" INTEGER NOT NULL DEFAULT 302,
    "expiresAt" DATETIME,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "apiKeyId" TEXT,
    "createdById" TEXT,
    CONSTRAINT "ShortLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ShortLink_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ShortLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ShortLink" ("apiKeyId", "articleId", "code", "createdAt", "createdById", "disabled", "expiresAt", "id", "redirectType", "updatedAt", "url") SELECT "apiKeyId", "articleId", "code", "createdAt", "createdById", "disabled", "expiresAt", "id", "redirectType", "updatedAt", "url" FROM "ShortLink";
DROP TABLE "ShortLink";
ALTER TABLE "new_ShortLink" RENAME TO "ShortLink";
CREATE UNIQUE INDEX "ShortLink_code_key" ON "ShortLink"("code");
CREATE UNIQUE INDEX "ShortLink_codeKey_key" ON "ShortLink"("codeKey");
CREATE UNIQUE INDEX "ShortLink_articleId_key" ON "ShortLink"("articleId");
CREATE INDEX "ShortLink_url_idx" ON "ShortLink"("url");
CREATE INDEX "ShortLink_createdById_idx" ON "ShortLink"("createdById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "LinkChange_linkId_createdAt_idx" ON "LinkChange"("linkId", "createdAt");

-- Aliases are unique regardless of case from now on. Every existing link gets its lower-case key,
-- except links whose codes differ only by case ("Spring" and "spring"): those are kept distinct,
-- unchanged and reachable by their exact spelling, with a null key. Nothing fails, nothing is
-- merged: the shortener lists them at start and `npm run links:check` prints them.
UPDATE "ShortLink" SET "codeKey" = lower("code")
WHERE lower("code") IN (
  SELECT lower("code") FROM "ShortLink" GROUP BY lower("code") HAVING count(*) = 1
);
