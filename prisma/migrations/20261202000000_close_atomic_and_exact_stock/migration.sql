-- A close is atomic with voting on the Redis engine too, and Postgres holds the coupon stock
-- (docs/adr/0018-close-atomic-with-voting.md).
--
-- tableside_record_ballots records ballots the Redis engine accepted (the vote path's group commit, the stream
-- flusher, a rebuild's drain). Two rules are now Postgres's, checked under the poll's advisory lock (shared here,
-- exclusive in a close), whatever Redis decided:
-- 1. A ballot of a poll that is not open is refused (outcome 'closed'): a close commits with the poll's final
--    tally, and nothing Redis accepted but Postgres had not committed by then counts after it.
-- 2. A coupon is issued only while Promotion.remaining lasts (row-locked): a Redis rebuilt while ballots of the
--    Redis it replaced were still on their way to Postgres can promise one more coupon than the stock holds; that
--    ballot counts, its coupon does not (outcome 'inserted', coupon null).
-- p_ballots: [{ "p": pollId, "v": voterId, "o": "opt1,opt2", "t": castAt ms, "c": coupon code or null }]
-- Returns one row per input ballot: outcome inserted | same (recorded before, e.g. a replay) |
-- other (the voter already has a different ballot: Postgres wins) | closed (the poll takes no votes: not counted) |
-- gone (the poll was deleted); coupon is the code Postgres holds for the voter.
CREATE OR REPLACE FUNCTION tableside_record_ballots(p_ballots jsonb, p_shard int)
RETURNS TABLE (poll_id text, voter_id text, outcome text, coupon text) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_inserted text[];
  v_claim record;
  v_left int;
  v_issued int;
BEGIN
  -- Shared, like a Postgres-engine vote: a close or a tally recompute (exclusive) sees all of this batch or none.
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p, 0))
  FROM (SELECT DISTINCT b->>'p' AS p FROM jsonb_array_elements(p_ballots) b ORDER BY 1) polls;

  -- A new statement after the lock, so a new snapshot: a close that committed while we waited is seen.
  WITH input AS (
    SELECT x.p, x.v, string_to_array(x.o, ',') AS options, to_timestamp(x.t / 1000.0) AS cast_at
    FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint)
    JOIN "Poll" ON "Poll".id = x.p AND "Poll".status = 'open'
  ), inserted AS (
    INSERT INTO "Ballot" ("pollId", "voterId", "optionIds", "castAt")
    SELECT p, v, options, cast_at FROM input ORDER BY p, v
    ON CONFLICT ("pollId", "voterId") DO NOTHING
    RETURNING "pollId", "voterId", "optionIds"
  ), counted AS (
    -- Sorted, so two batches never take the same counter rows in opposite orders.
    INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
    SELECT "pollId", option_id, p_shard, count(*)::int
    FROM inserted, unnest("optionIds" || ''::text) AS option_id
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("pollId", "optionId", shard) DO UPDATE SET count = "TallyCounter".count + excluded.count
  )
  SELECT coalesce(array_agg("pollId" || '/' || "voterId"), '{}') INTO v_inserted FROM inserted;

  -- Coupons of the inserted ballots, poll by poll in id order (so batches lock promotions in one order), the
  -- earliest cast first, as many as the stock still holds.
  FOR v_claim IN
    SELECT x.p FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, c text)
    WHERE x.c IS NOT NULL AND (x.p || '/' || x.v) = ANY (v_inserted)
    GROUP BY x.p ORDER BY x.p
  LOOP
    SELECT remaining INTO v_left FROM "Promotion" WHERE "pollId" = v_claim.p FOR UPDATE;
    CONTINUE WHEN NOT FOUND OR v_left <= 0;
    INSERT INTO "Coupon" ("promotionId", "pollId", "voterId", code, "issuedAt")
    SELECT pr.id, x.p, x.v, x.c, to_timestamp(x.t / 1000.0)
    FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, t bigint, c text)
    JOIN "Promotion" pr ON pr."pollId" = x.p
    WHERE x.p = v_claim.p AND x.c IS NOT NULL AND (x.p || '/' || x.v) = ANY (v_inserted)
    ORDER BY x.t, x.v
    LIMIT v_left
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_issued = ROW_COUNT;
    UPDATE "Promotion" SET remaining = remaining - v_issued WHERE "pollId" = v_claim.p;
  END LOOP;

  -- A new statement, so a new snapshot: it sees rows that a concurrent batch committed while we waited on them.
  RETURN QUERY
  SELECT x.p, x.v,
    CASE
      WHEN (x.p || '/' || x.v) = ANY (v_inserted) THEN 'inserted'
      WHEN b.id IS NULL AND pl.id IS NULL THEN 'gone'
      WHEN b.id IS NULL THEN 'closed'
      WHEN b."optionIds" = string_to_array(x.o, ',')
           AND abs(extract(epoch FROM b."castAt" - to_timestamp(x.t / 1000.0)::timestamp)) < 0.002 THEN 'same'
      ELSE 'other'
    END,
    cp.code
  FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint, c text)
  LEFT JOIN "Poll" pl ON pl.id = x.p
  LEFT JOIN "Ballot" b ON b."pollId" = x.p AND b."voterId" = x.v
  LEFT JOIN "Coupon" cp ON cp."pollId" = x.p AND cp."voterId" = x.v;
END;
$$;
