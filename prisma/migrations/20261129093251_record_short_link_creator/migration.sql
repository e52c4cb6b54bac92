-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShortLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "url" TEXT NOT NULL,
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
INSERT INTO "new_ShortLink" ("apiKeyId", "articleId", "code", "createdAt", "disabled", "expiresAt", "id", "redirectType", "updatedAt", "url") SELECT "apiKeyId", "articleId", "code", "createdAt", "disabled", "expiresAt", "id", "redirectType", "updatedAt", "url" FROM "ShortLink";
DROP TABLE "ShortLink";
ALTER TABLE "new_ShortLink" RENAME TO "ShortLink";
CREATE UNIQUE INDEX "ShortLink_code_key" ON "ShortLink"("code");
CREATE UNIQUE INDEX "ShortLink_articleId_key" ON "ShortLink"("articleId");
CREATE INDEX "ShortLink_url_idx" ON "ShortLink"("url");
CREATE INDEX "ShortLink_createdById_idx" ON "ShortLink"("createdById");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
