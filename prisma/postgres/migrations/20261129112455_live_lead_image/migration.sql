-- This is an empty migration.

-- Backfill (hand-written): live versions made before this migration carry the working copy's lead
-- image, the closest record of what was published.
UPDATE "ArticleLive" SET "leadImageId" = (
    SELECT a."leadImageId" FROM "Article" a WHERE a."id" = "ArticleLive"."articleId"
);
