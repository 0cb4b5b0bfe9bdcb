-- Review e-mails go through an outbox written in the event's own transaction (lib/notify/outbox.ts).
CREATE TABLE "MailOutbox" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "failedAt" TIMESTAMPTZ(3),
    "lastError" TEXT,

    CONSTRAINT "MailOutbox_pkey" PRIMARY KEY ("id")
);

-- What the senders look for: rows neither sent nor given up, due now.
CREATE INDEX "MailOutbox_sentAt_failedAt_nextAttemptAt_idx" ON "MailOutbox"("sentAt", "failedAt", "nextAttemptAt");
