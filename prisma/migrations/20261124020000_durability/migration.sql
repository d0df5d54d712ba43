-- Durability and Redis failover (docs/adr/0004, 0005).

-- Which engine takes votes, shared by every server process. The Postgres engine's votes and a switch back to
-- Redis are ordered by one advisory lock (votes shared, the switch exclusive): once the switch has committed, no
-- Postgres-engine vote can land that the Redis rebuild would miss.
CREATE TABLE "VoteEngineState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "engine" TEXT NOT NULL DEFAULT 'redis',
    "epoch" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteEngineState_pkey" PRIMARY KEY ("id")
);
INSERT INTO "VoteEngineState" ("id") VALUES (1);

-- One snapshot per poll per instant: every server process may take the periodic snapshot, one row wins.
DROP INDEX "TallySnapshot_pollId_takenAt_idx";
CREATE UNIQUE INDEX "TallySnapshot_pollId_takenAt_key" ON "TallySnapshot"("pollId", "takenAt");

-- True when p_engine takes votes now; holds the engine fence in shared mode until the caller's transaction ends.
CREATE FUNCTION tableside_engine_is(p_engine text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended('tableside:vote-engine', 0));
  RETURN (SELECT engine FROM "VoteEngineState" WHERE id = 1) = p_engine;
END;
$$;

-- Records ballots the Redis engine accepted: the vote path's group commit, the stream flusher and a rebuild's
-- drain all come through here, so replays insert nothing twice. In one transaction with the ballots it keeps
-- the Postgres engine's TallyCounter shards and Promotion.remaining exact, so a failover finds them ready.
-- p_ballots: [{ "p": pollId, "v": voterId, "o": "opt1,opt2", "t": castAt ms, "c": coupon code or null }]
-- Returns one row per input ballot: outcome inserted | same (recorded before, e.g. a replay) |
-- other (the voter already has a different ballot: Postgres wins) | gone (the poll was deleted);
-- coupon is the code Postgres holds for the voter.
CREATE FUNCTION tableside_record_ballots(p_ballots jsonb, p_shard int)
RETURNS TABLE (poll_id text, voter_id text, outcome text, coupon text) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_inserted text[];
BEGIN
  -- Shared, like a Postgres-engine vote: a tally recompute (exclusive) sees all of this batch or none of it.
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p, 0))
  FROM (SELECT DISTINCT b->>'p' AS p FROM jsonb_array_elements(p_ballots) b ORDER BY 1) polls;

  WITH input AS (
    SELECT x.p, x.v, string_to_array(x.o, ',') AS options, to_timestamp(x.t / 1000.0) AS cast_at, x.c
    FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint, c text)
    JOIN "Poll" ON "Poll".id = x.p
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
  ), coupons AS (
    INSERT INTO "Coupon" ("promotionId", "pollId", "voterId", code, "issuedAt")
    SELECT pr.id, i.p, i.v, i.c, i.cast_at
    FROM inserted n
    JOIN input i ON i.p = n."pollId" AND i.v = n."voterId"
    JOIN "Promotion" pr ON pr."pollId" = i.p
    WHERE i.c IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING "pollId"
  ), stock AS (
    UPDATE "Promotion" pr SET remaining = GREATEST(pr.remaining - n.issued, 0)
    FROM (SELECT "pollId", count(*)::int AS issued FROM coupons GROUP BY 1) n
    WHERE pr."pollId" = n."pollId"
  )
  SELECT coalesce(array_agg("pollId" || '/' || "voterId"), '{}') INTO v_inserted FROM inserted;

  -- A new statement, so a new snapshot: it sees rows that a concurrent batch committed while we waited on them.
  RETURN QUERY
  SELECT x.p, x.v,
    CASE
      WHEN (x.p || '/' || x.v) = ANY (v_inserted) THEN 'inserted'
      WHEN b.id IS NULL THEN 'gone'
      WHEN b."optionIds" = string_to_array(x.o, ',')
           AND abs(extract(epoch FROM b."castAt" - to_timestamp(x.t / 1000.0)::timestamp)) < 0.002 THEN 'same'
      ELSE 'other'
    END,
    cp.code
  FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint, c text)
  LEFT JOIN "Ballot" b ON b."pollId" = x.p AND b."voterId" = x.v
  LEFT JOIN "Coupon" cp ON cp."pollId" = x.p AND cp."voterId" = x.v;
END;
$$;

-- Sets a poll's TallyCounter shards and Promotion.remaining from its Ballot and Coupon rows, the final word.
-- Exclusive on the poll's lock: no vote or ballot batch is half-counted while it runs.
CREATE FUNCTION tableside_recompute_tally(p_poll_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_poll_id, 0));
  DELETE FROM "TallyCounter" WHERE "pollId" = p_poll_id;
  INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
  SELECT p_poll_id, option_id, 0, count(*)::int
  FROM "Ballot", unnest("optionIds" || ''::text) AS option_id
  WHERE "pollId" = p_poll_id
  GROUP BY option_id;
  UPDATE "Promotion"
  SET remaining = GREATEST(quantity - (SELECT count(*) FROM "Coupon" WHERE "pollId" = p_poll_id)::int, 0)
  WHERE "pollId" = p_poll_id;
END;
$$;

-- The votes-over-time chart's points: for each open poll whose total changed since its last snapshot, one
-- snapshot at the start of the current p_every_ms bucket; for each poll closed in the last day without one
-- since, a final snapshot at the close. Any number of processes may call it: the unique key keeps one row.
-- Returns the number of snapshots written.
CREATE FUNCTION tableside_take_snapshots(p_now timestamptz, p_every_ms int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_bucket timestamptz := to_timestamp(floor(extract(epoch FROM p_now) * 1000 / p_every_ms) * p_every_ms / 1000.0);
  v_written int;
BEGIN
  WITH due AS (
    SELECT p.id, v_bucket AS taken_at, false AS is_close
    FROM "Poll" p
    WHERE p.status = 'open' AND (p."closesAt" IS NULL OR p."closesAt" > p_now)
    UNION ALL
    SELECT p.id, coalesce(p."closedAt", p."closesAt"), true
    FROM "Poll" p
    WHERE coalesce(p."closedAt", p."closesAt") BETWEEN p_now - interval '1 day' AND p_now
      AND (p.status = 'closed' OR p."closesAt" <= p_now)
      AND NOT EXISTS (SELECT 1 FROM "TallySnapshot" s WHERE s."pollId" = p.id
                      AND s."takenAt" >= coalesce(p."closedAt", p."closesAt"))
  ), tallies AS (
    SELECT d.id, d.taken_at, d.is_close, t.tally, coalesce((t.tally->>'')::int, 0) AS total
    FROM due d CROSS JOIN LATERAL (SELECT tableside_read_tally(d.id) AS tally) t
  )
  INSERT INTO "TallySnapshot" ("pollId", "takenAt", total, counts)
  SELECT t.id, t.taken_at, t.total,
         (SELECT coalesce(jsonb_object_agg(o.id, coalesce((t.tally->>o.id)::int, 0)), '{}'::jsonb)
          FROM "PollOption" o WHERE o."pollId" = t.id)
  FROM tallies t
  WHERE t.is_close
     OR t.total <> coalesce((SELECT s.total FROM "TallySnapshot" s WHERE s."pollId" = t.id
                             ORDER BY s."takenAt" DESC LIMIT 1), 0)
  ON CONFLICT ("pollId", "takenAt") DO NOTHING;
  GET DIAGNOSTICS v_written = ROW_COUNT;
  RETURN v_written;
END;
$$;
