-- CreateTable
CREATE TABLE "DeletedArticle" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeletedArticle_pkey" PRIMARY KEY ("id")
);
