-- Lockout state moves from User to LoginThrottle, keyed by login name (so an unknown name locks
-- exactly like a real one) and by client address (per-address throttling).
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "failedLoginWindowStart" TIMESTAMPTZ(3),
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

INSERT INTO "LoginThrottle" ("key", "failedLoginCount", "failedLoginWindowStart", "lockedUntil")
SELECT 'name:' || "username", "failedLoginCount", "failedLoginWindowStart", "lockedUntil" FROM "User"
WHERE "failedLoginCount" > 0 OR "lockedUntil" IS NOT NULL;

ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "failedLoginWindowStart",
DROP COLUMN "lockedUntil";
