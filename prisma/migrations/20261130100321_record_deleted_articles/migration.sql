-- CreateTable
CREATE TABLE "DeletedArticle" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "authorId" TEXT NOT NULL,
    "deletedAt" DATETIME NOT NULL
);
