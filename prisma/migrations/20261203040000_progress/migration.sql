-- The checks' counts kept on the report (refreshed with every write), and 催办 reminders.
ALTER TABLE "Report" ADD COLUMN "checkErrors" INTEGER,
ADD COLUMN "checkWarnings" INTEGER;

CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "organId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sentById" TEXT NOT NULL,
    "sentByName" TEXT NOT NULL,
    "fromOrganId" TEXT NOT NULL,
    "message" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Reminder_organId_year_createdAt_idx" ON "Reminder"("organId", "year", "createdAt");

ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_organId_fkey" FOREIGN KEY ("organId") REFERENCES "Organ"("id") ON DELETE CASCADE ON UPDATE CASCADE;
