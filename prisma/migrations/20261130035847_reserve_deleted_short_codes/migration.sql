-- CreateTable
CREATE TABLE "DeletedCode" (
    "codeKey" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "deletedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "DeletedCode_deletedAt_idx" ON "DeletedCode"("deletedAt");
