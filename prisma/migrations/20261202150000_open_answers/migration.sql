-- Open answers and their word cloud (issue 16, docs/adr/0029). Postgres decides on both engines: an answer, its
-- words' counts and the live seq change in one transaction (tableside_submit_answer), and so does moderation.

CREATE TABLE "OpenAnswer" (
  "id" BIGSERIAL NOT NULL,
  "pollId" TEXT NOT NULL REFERENCES "Poll"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  "voterId" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  "words" TEXT[] NOT NULL,
  "flagged" BOOLEAN NOT NULL DEFAULT false,
  "revision" INTEGER NOT NULL DEFAULT 1,
  "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "changedAt" TIMESTAMP(3),
  "hiddenAt" TIMESTAMP(3),
  CONSTRAINT "OpenAnswer_pkey" PRIMARY KEY ("pollId", "voterId")
);
CREATE UNIQUE INDEX "OpenAnswer_id_key" ON "OpenAnswer"("id");
CREATE INDEX "OpenAnswer_pollId_answeredAt_idx" ON "OpenAnswer"("pollId", "answeredAt");

CREATE TABLE "HiddenWord" (
  "pollId" TEXT NOT NULL REFERENCES "Poll"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  "word" TEXT NOT NULL,
  "hiddenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "HiddenWord_pkey" PRIMARY KEY ("pollId", "word")
);

CREATE TABLE "WordCounter" (
  "pollId" TEXT NOT NULL REFERENCES "Poll"(id) ON DELETE CASCADE ON UPDATE CASCADE,
  "word" TEXT NOT NULL,
  "shard" INTEGER NOT NULL,
  "count" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "WordCounter_pkey" PRIMARY KEY ("pollId", "word", "shard")
);

-- Adds p_plus and takes p_minus off a poll's word counts on one shard, the visible answers by p_answers, and the
-- seq (word '') by one. Rows in word order, so two transactions never lock the same rows in opposite orders.
CREATE FUNCTION tableside_bump_words(p_poll_id text, p_shard int, p_plus text[], p_minus text[], p_answers int)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WordCounter" ("pollId", word, shard, count)
  SELECT p_poll_id, word, p_shard, sum(delta)::int
  FROM (
    SELECT unnest(p_plus) AS word, 1 AS delta
    UNION ALL SELECT unnest(p_minus), -1
    UNION ALL SELECT ' ', p_answers
    UNION ALL SELECT '', 1
  ) deltas
  GROUP BY word HAVING sum(delta) <> 0 OR word = ''
  ORDER BY word
  ON CONFLICT ("pollId", word, shard) DO UPDATE SET count = "WordCounter".count + excluded.count;
$$;

-- One answer, atomically (ONE_BALLOT_PER_VOTER, server/domain/votes/ballotRule.ts): a voter's first answer while
-- the poll is open counts; later ones are `already_answered`, unless the poll's ballots are changeable, when a
-- different text replaces it (its words down, the new ones up, revision + 1) and the same text changes nothing.
-- Takes the poll's advisory lock shared, like a vote, so a close (exclusive) sees all of an answer or none.
-- Returns { status: accepted | changed | already_answered | not_accepting, revision }.
CREATE FUNCTION tableside_submit_answer(
  p_poll_id text, p_voter_id text, p_text text, p_words text[], p_flagged boolean, p_shard int, p_now timestamptz
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_poll record;
  v_old record;
  v_inserted int;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_poll_id, 0));
  SELECT status, kind, "opensAt", "closesAt", "changeableUntilClose" INTO v_poll FROM "Poll" WHERE id = p_poll_id;
  IF NOT FOUND OR v_poll.kind <> 'open' THEN
    RETURN jsonb_build_object('status', 'not_accepting');
  END IF;

  IF v_poll.status <> 'open'
     OR (v_poll."opensAt" IS NOT NULL AND p_now < v_poll."opensAt")
     OR (v_poll."closesAt" IS NOT NULL AND p_now >= v_poll."closesAt") THEN
    SELECT revision INTO v_old FROM "OpenAnswer" WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('status', 'not_accepting');
    END IF;
    RETURN jsonb_build_object('status', 'already_answered', 'revision', v_old.revision);
  END IF;

  INSERT INTO "OpenAnswer" ("pollId", "voterId", text, words, flagged, "answeredAt")
  VALUES (p_poll_id, p_voter_id, p_text, p_words, p_flagged, p_now)
  ON CONFLICT ("pollId", "voterId") DO NOTHING;
  GET DIAGNOSTICS v_inserted = ROW_COUNT;
  IF v_inserted = 1 THEN
    PERFORM tableside_bump_words(p_poll_id, p_shard, p_words, '{}', 1);
    RETURN jsonb_build_object('status', 'accepted', 'revision', 1);
  END IF;

  -- Row-locked: concurrent changes of one voter apply one after the other, each against the text it replaces.
  SELECT text, words, revision, "hiddenAt" INTO v_old
  FROM "OpenAnswer" WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id FOR UPDATE;
  IF NOT v_poll."changeableUntilClose" OR v_old.text = p_text THEN
    RETURN jsonb_build_object('status', 'already_answered', 'revision', v_old.revision);
  END IF;
  UPDATE "OpenAnswer" SET text = p_text, words = p_words, flagged = p_flagged, revision = revision + 1, "changedAt" = p_now
  WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id;
  -- A hidden answer stays hidden when its voter changes it: it adds nothing, before or after.
  IF v_old."hiddenAt" IS NULL THEN
    PERFORM tableside_bump_words(p_poll_id, p_shard, p_words, v_old.words, 0);
  END IF;
  RETURN jsonb_build_object('status', 'changed', 'revision', v_old.revision + 1);
END;
$$;

-- The owner hides (p_hidden) or shows again one answer (by its id): its words leave (or rejoin) the counts with the seq up,
-- under the answer's row lock, so a concurrent change by its voter applies before or after, never half.
-- Returns whether anything changed.
CREATE FUNCTION tableside_hide_answer(p_poll_id text, p_answer_id bigint, p_hidden boolean, p_shard int, p_now timestamptz)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_words text[];
BEGIN
  UPDATE "OpenAnswer" SET "hiddenAt" = CASE WHEN p_hidden THEN p_now ELSE NULL END
  WHERE "pollId" = p_poll_id AND id = p_answer_id AND ("hiddenAt" IS NULL) = p_hidden
  RETURNING words INTO v_words;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  IF p_hidden THEN
    PERFORM tableside_bump_words(p_poll_id, p_shard, '{}', v_words, -1);
  ELSE
    PERFORM tableside_bump_words(p_poll_id, p_shard, v_words, '{}', 1);
  END IF;
  RETURN true;
END;
$$;

-- The owner hides or shows again one word of the cloud. Its counts stay (answers keep counting it) and reads
-- leave it out, so no answer racing the hide can put it back; the seq goes up. Returns whether anything changed.
CREATE FUNCTION tableside_hide_word(p_poll_id text, p_word text, p_hidden boolean, p_shard int, p_now timestamptz)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_changed int;
BEGIN
  IF p_hidden THEN
    INSERT INTO "HiddenWord" ("pollId", word, "hiddenAt") VALUES (p_poll_id, p_word, p_now) ON CONFLICT DO NOTHING;
  ELSE
    DELETE FROM "HiddenWord" WHERE "pollId" = p_poll_id AND word = p_word;
  END IF;
  GET DIAGNOSTICS v_changed = ROW_COUNT;
  IF v_changed = 0 THEN
    RETURN false;
  END IF;
  PERFORM tableside_bump_words(p_poll_id, p_shard, '{}', '{}', 0);
  RETURN true;
END;
$$;
