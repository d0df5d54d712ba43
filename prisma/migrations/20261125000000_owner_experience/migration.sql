-- Poll lifecycle: archive, and a version that orders status/schedule writes into the Redis engine's copy.
ALTER TABLE "Poll" ADD COLUMN "archivedAt" TIMESTAMP(3), ADD COLUMN "scheduleVersion" INTEGER NOT NULL DEFAULT 0;

-- Restaurant settings.
ALTER TABLE "Restaurant" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'USD', ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- Dish names in two languages: an existing name written in Hangul becomes the Korean one, any other the English one.
ALTER TABLE "MenuItem" ADD COLUMN "nameEn" TEXT, ADD COLUMN "nameKo" TEXT;
UPDATE "MenuItem" SET "nameKo" = "name" WHERE "name" ~ '[가-힣]';
UPDATE "MenuItem" SET "nameEn" = "name" WHERE "nameKo" IS NULL;
ALTER TABLE "MenuItem" DROP COLUMN "name";
ALTER TABLE "MenuItem" ADD CONSTRAINT "MenuItem_has_a_name" CHECK ("nameEn" IS NOT NULL OR "nameKo" IS NOT NULL);

-- Password reset links.
CREATE TABLE "PasswordReset" (
    "tokenHash" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("tokenHash")
);
CREATE INDEX "PasswordReset_ownerId_idx" ON "PasswordReset"("ownerId");
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Owner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Redemptions at the counter, kept when undone. Existing redemptions get a row each (device unknown).
CREATE TABLE "CouponRedemption" (
    "id" BIGSERIAL NOT NULL,
    "couponId" BIGINT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "device" TEXT NOT NULL,
    "redeemedAt" TIMESTAMP(3) NOT NULL,
    "undoneAt" TIMESTAMP(3),
    CONSTRAINT "CouponRedemption_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CouponRedemption_ownerId_redeemedAt_idx" ON "CouponRedemption"("ownerId", "redeemedAt");
CREATE INDEX "CouponRedemption_couponId_idx" ON "CouponRedemption"("couponId");
ALTER TABLE "CouponRedemption" ADD CONSTRAINT "CouponRedemption_couponId_fkey" FOREIGN KEY ("couponId") REFERENCES "Coupon"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- The database's own guarantee behind "each coupon once": one redemption in force per coupon.
CREATE UNIQUE INDEX "CouponRedemption_one_in_force" ON "CouponRedemption"("couponId") WHERE "undoneAt" IS NULL;
INSERT INTO "CouponRedemption" ("couponId", "ownerId", "device", "redeemedAt")
SELECT c.id, r."ownerId", '', c."redeemedAt"
FROM "Coupon" c JOIN "Poll" p ON p.id = c."pollId" JOIN "Restaurant" r ON r.id = p."restaurantId"
WHERE c."redeemedAt" IS NOT NULL;
