-- CreateTable
CREATE TABLE "CollabDocument" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "articleVersion" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CollabDocument_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
