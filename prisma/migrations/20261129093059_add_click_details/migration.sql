-- CreateTable
CREATE TABLE "ClickDetail" (
    "linkId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("linkId", "day", "dimension", "value"),
    CONSTRAINT "ClickDetail_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "ShortLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
