-- More ways to ask (issue 16, docs/adr/0028): a poll's kind and whether its ballots may change until it closes.
-- Existing polls are choice polls whose ballots do not change.
CREATE TYPE "PollKind" AS ENUM ('choice', 'rating', 'ranking', 'open');
ALTER TABLE "Poll" ADD COLUMN "kind" "PollKind" NOT NULL DEFAULT 'choice',
                   ADD COLUMN "changeableUntilClose" BOOLEAN NOT NULL DEFAULT false;

-- A changed ballot is replaced in place: castAt stays the first cast, revision counts accepted versions.
ALTER TABLE "Ballot" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1,
                     ADD COLUMN "changedAt" TIMESTAMP(3);
