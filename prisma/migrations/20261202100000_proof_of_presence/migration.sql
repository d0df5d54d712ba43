-- Proof of presence (docs/adr/0026-proof-of-presence.md): a poll may count only votes that carry the restaurant
-- screen's rotating room code or a printed table card's code; a table card's vote records its table.
ALTER TABLE "Poll" ADD COLUMN "presenceRequired" BOOLEAN NOT NULL DEFAULT false, ADD COLUMN "tableCards" INTEGER;

-- The table a voter's ballot came from. Written before the vote (the first table a voter names stands), so a crash
-- between the two loses no table; a row without a ballot counts for nothing.
CREATE TABLE "BallotTable" (
    "pollId" TEXT NOT NULL,
    "voterId" TEXT NOT NULL,
    "tableNumber" INTEGER NOT NULL,
    CONSTRAINT "BallotTable_pkey" PRIMARY KEY ("pollId", "voterId")
);
ALTER TABLE "BallotTable" ADD CONSTRAINT "BallotTable_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE CASCADE ON UPDATE CASCADE;
