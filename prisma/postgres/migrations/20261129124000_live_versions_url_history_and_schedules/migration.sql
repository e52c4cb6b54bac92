-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "liveVersion" INTEGER,
ADD COLUMN     "scheduledAt" TIMESTAMP(3),
ADD COLUMN     "scheduledById" TEXT;

-- CreateTable
CREATE TABLE "ArticleLive" (
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "markerStyle" TEXT NOT NULL,
    "related" TEXT NOT NULL DEFAULT '[]',
    "leadImageId" TEXT,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticleLive_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "ArticlePath" (
    "slug" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticlePath_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleLive_slug_key" ON "ArticleLive"("slug");

-- CreateIndex
CREATE INDEX "ArticleLive_publishedAt_articleId_idx" ON "ArticleLive"("publishedAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleLive_sectionId_publishedAt_articleId_idx" ON "ArticleLive"("sectionId", "publishedAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticlePath_articleId_idx" ON "ArticlePath"("articleId");

-- CreateIndex
CREATE INDEX "Article_status_scheduledAt_idx" ON "Article"("status", "scheduledAt");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_scheduledById_fkey" FOREIGN KEY ("scheduledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLive" ADD CONSTRAINT "ArticleLive_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLive" ADD CONSTRAINT "ArticleLive_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleLive" ADD CONSTRAINT "ArticleLive_leadImageId_fkey" FOREIGN KEY ("leadImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePath" ADD CONSTRAINT "ArticlePath_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (hand-written): every article published before this migration keeps being read. Its
-- live version is a copy of the row, with the related list as JSON in position order, and its
-- current slug starts its URL history.
INSERT INTO "ArticleLive" ("articleId", "slug", "sectionId", "title", "standfirst", "body", "markerStyle", "leadImageId", "related", "publishedAt", "updatedAt")
SELECT a."id", a."slug", a."sectionId", a."title", a."standfirst", a."body", a."markerStyle", a."leadImageId",
    COALESCE((
        SELECT json_agg(
                   CASE WHEN r."targetArticleId" IS NOT NULL
                        THEN json_build_object('articleId', r."targetArticleId")
                        ELSE json_build_object('url', r."url", 'title', r."title") END
                   ORDER BY r."position")::text
        FROM "RelatedLink" r
        WHERE r."articleId" = a."id"
          AND (r."targetArticleId" IS NOT NULL OR (r."url" IS NOT NULL AND r."title" IS NOT NULL))
    ), '[]'),
    COALESCE(a."publishedAt", a."updatedAt"), a."updatedAt"
FROM "Article" a
WHERE a."status" = 'published';

UPDATE "Article" SET "liveVersion" = "version" WHERE "status" = 'published';

INSERT INTO "ArticlePath" ("slug", "articleId") SELECT "slug", "id" FROM "Article" WHERE "status" = 'published';
