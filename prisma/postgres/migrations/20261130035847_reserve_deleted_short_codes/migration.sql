-- CreateTable
CREATE TABLE "DeletedCode" (
    "codeKey" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeletedCode_pkey" PRIMARY KEY ("codeKey")
);

-- CreateIndex
CREATE INDEX "DeletedCode_deletedAt_idx" ON "DeletedCode"("deletedAt");
