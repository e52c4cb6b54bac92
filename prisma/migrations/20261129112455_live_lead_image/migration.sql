-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ArticleLive" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "markerStyle" TEXT NOT NULL,
    "related" TEXT NOT NULL DEFAULT '[]',
    "leadImageId" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ArticleLive_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleLive_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ArticleLive_leadImageId_fkey" FOREIGN KEY ("leadImageId") REFERENCES "Image" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ArticleLive" ("articleId", "body", "markerStyle", "publishedAt", "related", "sectionId", "slug", "standfirst", "title", "updatedAt") SELECT "articleId", "body", "markerStyle", "publishedAt", "related", "sectionId", "slug", "standfirst", "title", "updatedAt" FROM "ArticleLive";
DROP TABLE "ArticleLive";
ALTER TABLE "new_ArticleLive" RENAME TO "ArticleLive";
CREATE UNIQUE INDEX "ArticleLive_slug_key" ON "ArticleLive"("slug");
CREATE INDEX "ArticleLive_publishedAt_articleId_idx" ON "ArticleLive"("publishedAt", "articleId");
CREATE INDEX "ArticleLive_sectionId_publishedAt_articleId_idx" ON "ArticleLive"("sectionId", "publishedAt", "articleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Backfill (hand-written): live versions made before this migration carry the working copy's lead
-- image, the closest record of what was published.
UPDATE "ArticleLive" SET "leadImageId" = (
    SELECT a."leadImageId" FROM "Article" a WHERE a."id" = "ArticleLive"."articleId"
);
