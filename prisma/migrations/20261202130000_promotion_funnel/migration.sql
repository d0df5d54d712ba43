-- What the promotion did: diner page opens (scans of the QR code), counted per poll per hour (UTC hours, like every
-- other timestamp here); votes, coupons issued and redeemed come from their own tables.
CREATE TABLE "PollPageOpens" (
    "pollId" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PollPageOpens_pkey" PRIMARY KEY ("pollId", "hourStart")
);
ALTER TABLE "PollPageOpens" ADD CONSTRAINT "PollPageOpens_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
