-- CreateTable
CREATE TABLE "ClickDetail" (
    "linkId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ClickDetail_pkey" PRIMARY KEY ("linkId","day","dimension","value")
);

-- AddForeignKey
ALTER TABLE "ClickDetail" ADD CONSTRAINT "ClickDetail_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShortLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
