-- Staff at the counter (docs/adr/0027-staff-devices-and-pins.md): staff with a redeem-only role sign in with a PIN
-- on a tablet the owner enrolled; every redemption names the staff member and the device.
CREATE TABLE "StaffMember" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pinHash" TEXT,
    "inviteHash" TEXT,
    "inviteExpiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "StaffMember_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "StaffMember_inviteHash_key" ON "StaffMember"("inviteHash");
CREATE INDEX "StaffMember_restaurantId_idx" ON "StaffMember"("restaurantId");
ALTER TABLE "StaffMember" ADD CONSTRAINT "StaffMember_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "CounterDevice" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "CounterDevice_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CounterDevice_tokenHash_key" ON "CounterDevice"("tokenHash");
CREATE INDEX "CounterDevice_restaurantId_idx" ON "CounterDevice"("restaurantId");
ALTER TABLE "CounterDevice" ADD CONSTRAINT "CounterDevice_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "StaffSession" (
    "tokenHash" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("tokenHash")
);
CREATE INDEX "StaffSession_staffId_idx" ON "StaffSession"("staffId");
CREATE INDEX "StaffSession_deviceId_idx" ON "StaffSession"("deviceId");
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_deviceId_fkey" FOREIGN KEY ("deviceId") REFERENCES "CounterDevice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who redeemed, on which enrolled device: null for the owner's own redemptions.
ALTER TABLE "CouponRedemption" ADD COLUMN "staffId" TEXT, ADD COLUMN "counterDeviceId" TEXT;
