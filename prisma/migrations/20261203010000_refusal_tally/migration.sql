-- CreateTable
CREATE TABLE "RefusalTally" (
    "key" TEXT NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RefusalTally_pkey" PRIMARY KEY ("key","minute")
);
