-- Ballots that change until the close, and rankings counted in Borda points (issue 16, docs/adr/0028).
-- Every function here keeps ONE_BALLOT_PER_VOTER (server/domain/votes/ballotRule.ts): the Ballot unique key holds
-- one row per voter; on a poll with "changeableUntilClose" a different ballot replaces the row's options in place
-- (castAt stays the first cast, revision + 1, changedAt), and its old points leave the tally in the same
-- transaction as the new ones arrive. A coupon stays with the voter's first accepted ballot.
-- The tally's counters: each option's points, '' the number of ballots, '_changes' the accepted changes
-- (sum of revision - 1): a viewer's seq is '' + '_changes', so a change is a newer tally than the one before it.

-- An option's points on a ballot: 1 for every chosen option, or on a ranking (p_rank_base = the poll's number of
-- options, lib/pollKinds.ts rankBase) Borda points, the k-th ranked option p_rank_base - k + 1.
CREATE FUNCTION tableside_ballot_points(p_option_ids text[], p_rank_base int)
RETURNS TABLE (option_id text, points int) LANGUAGE sql IMMUTABLE AS $$
  SELECT u.id, CASE WHEN p_rank_base > 0 THEN p_rank_base - u.n::int + 1 ELSE 1 END
  FROM unnest(p_option_ids) WITH ORDINALITY AS u(id, n)
$$;

CREATE FUNCTION tableside_rank_base(p_poll_id text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p.kind = 'ranking' THEN (SELECT count(*)::int FROM "PollOption" o WHERE o."pollId" = p.id) ELSE 0 END
  FROM "Poll" p WHERE p.id = p_poll_id
$$;

-- Adds p_new's points, takes p_old's away, and adds p_ballots and p_changes, on one shard of the poll's counters
-- in one statement sorted by option (so two transactions never lock the same counters in opposite orders).
CREATE FUNCTION tableside_add_points(
  p_poll_id text, p_shard int, p_new text[], p_old text[], p_rank_base int, p_ballots int, p_changes int
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- plpgsql, not sql: its statement's plan is cached per session (a vote calls this once or twice).
  INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
  SELECT p_poll_id, d.option_id, p_shard, sum(d.points)::int
  FROM (
    SELECT u.id AS option_id, CASE WHEN p_rank_base > 0 THEN p_rank_base - u.n::int + 1 ELSE 1 END AS points
    FROM unnest(p_new) WITH ORDINALITY AS u(id, n)
    UNION ALL
    SELECT u.id, -(CASE WHEN p_rank_base > 0 THEN p_rank_base - u.n::int + 1 ELSE 1 END)
    FROM unnest(p_old) WITH ORDINALITY AS u(id, n)
    UNION ALL SELECT '', p_ballots WHERE p_ballots <> 0
    UNION ALL SELECT '_changes', p_changes WHERE p_changes <> 0
  ) d
  GROUP BY d.option_id ORDER BY d.option_id
  ON CONFLICT ("pollId", "optionId", shard) DO UPDATE SET count = "TallyCounter".count + excluded.count;
END;
$$;

-- The Postgres-only engine's vote (first written in 20261124000100_cast_vote_function), now with changes and
-- points. Outcome accepted | changed | already_voted (the same ballot again, or a poll whose ballots do not
-- change) | not_accepting.
CREATE OR REPLACE FUNCTION tableside_cast_vote(
  p_poll_id text, p_voter_id text, p_option_ids text[], p_coupon_code text, p_shard int, p_now timestamptz
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_poll record;
  v_held record;
  v_status text;
  v_coupon text;
  v_promotion_id text;
  v_inserted int;
  v_base int;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_poll_id, 0));

  SELECT status, "opensAt", "closesAt", kind, "changeableUntilClose" AS changeable INTO v_poll FROM "Poll" WHERE id = p_poll_id;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('status', 'not_accepting');
  END IF;

  IF v_poll.status <> 'open'
     OR (v_poll."opensAt" IS NOT NULL AND p_now < v_poll."opensAt")
     OR (v_poll."closesAt" IS NOT NULL AND p_now >= v_poll."closesAt") THEN
    IF NOT EXISTS (SELECT 1 FROM "Ballot" WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id) THEN
      RETURN jsonb_build_object('status', 'not_accepting');
    END IF;
    v_status := 'already_voted';
  ELSE
    INSERT INTO "Ballot" ("pollId", "voterId", "optionIds", "castAt")
    VALUES (p_poll_id, p_voter_id, p_option_ids, p_now)
    ON CONFLICT ("pollId", "voterId") DO NOTHING;
    GET DIAGNOSTICS v_inserted = ROW_COUNT;
    v_status := CASE WHEN v_inserted = 1 THEN 'accepted' ELSE 'already_voted' END;
  END IF;

  v_base := CASE WHEN v_poll.kind = 'ranking' THEN tableside_rank_base(p_poll_id) ELSE 0 END;
  IF v_status = 'already_voted' AND v_poll.status = 'open' AND v_poll.changeable THEN
    -- The row lock orders this voter's concurrent changes: each sees the one before it.
    SELECT "optionIds", revision INTO v_held FROM "Ballot"
    WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id FOR UPDATE;
    IF v_held."optionIds" <> p_option_ids THEN
      UPDATE "Ballot" SET "optionIds" = p_option_ids, revision = revision + 1, "changedAt" = p_now
      WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id;
      PERFORM tableside_add_points(p_poll_id, p_shard, p_option_ids, v_held."optionIds", v_base, 0, 1);
      v_status := 'changed';
    END IF;
  END IF;

  IF v_status = 'accepted' THEN
    PERFORM tableside_add_points(p_poll_id, p_shard, p_option_ids, '{}', v_base, 1, 0);

    -- Last, so the promotion row stays locked only until commit: exactly N coupons, whatever the concurrency.
    UPDATE "Promotion" SET remaining = remaining - 1
    WHERE "pollId" = p_poll_id AND remaining > 0 AND "validUntil" > p_now
    RETURNING id INTO v_promotion_id;
    IF v_promotion_id IS NOT NULL THEN
      INSERT INTO "Coupon" ("promotionId", "pollId", "voterId", code, "issuedAt")
      VALUES (v_promotion_id, p_poll_id, p_voter_id, p_coupon_code, p_now);
      v_coupon := p_coupon_code;
    END IF;
  ELSE
    SELECT code INTO v_coupon FROM "Coupon" WHERE "pollId" = p_poll_id AND "voterId" = p_voter_id;
  END IF;

  RETURN jsonb_build_object('status', v_status, 'coupon', v_coupon, 'tally', tableside_read_tally(p_poll_id));
END;
$$;

-- Records ballots the Redis engine accepted (first written in 20261124020000_durability, the close and stock
-- rules of 20261202000000_close_atomic_and_exact_stock kept). Now with revisions:
-- p_ballots: [{ "p": pollId, "v": voterId, "o": "opt1,opt2", "t": first cast ms, "c": coupon code or null,
--               "r": revision (absent: 1), "u": changed at ms (changes only) }]
-- A revision is applied only over an older one: a later revision that landed first is never overwritten by an
-- earlier one landing late (group commits run side by side, the flusher replays). Whichever revision of a voter
-- reaches Postgres first inserts the row and, carrying the first ballot's coupon code, issues the coupon; the
-- coupon unique key keeps it to one.
-- Returns one row per input ballot: outcome inserted (inserted or applied) | same (this revision or a later one
-- is there) | other (the voter has a different ballot: Postgres wins) | closed | gone; coupon as before.
CREATE OR REPLACE FUNCTION tableside_record_ballots(p_ballots jsonb, p_shard int)
RETURNS TABLE (poll_id text, voter_id text, outcome text, coupon text) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_inserted text[];
  v_applied text[] := '{}';
  v_change record;
  v_held record;
  v_claim record;
  v_left int;
  v_issued int;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p, 0))
  FROM (SELECT DISTINCT b->>'p' AS p FROM jsonb_array_elements(p_ballots) b ORDER BY 1) polls;

  -- First ballots (revision 1), set-based as before.
  WITH polls AS (
    SELECT pl.id, tableside_rank_base(pl.id) AS base FROM "Poll" pl
    WHERE pl.status = 'open' AND pl.id IN (SELECT DISTINCT b->>'p' FROM jsonb_array_elements(p_ballots) b)
  ), input AS (
    SELECT x.p, x.v, string_to_array(x.o, ',') AS options, to_timestamp(x.t / 1000.0) AS cast_at
    FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint, r int)
    JOIN polls ON polls.id = x.p
    WHERE coalesce(x.r, 1) = 1
  ), inserted AS (
    INSERT INTO "Ballot" ("pollId", "voterId", "optionIds", "castAt")
    SELECT p, v, options, cast_at FROM input ORDER BY p, v
    ON CONFLICT ("pollId", "voterId") DO NOTHING
    RETURNING "pollId", "voterId", "optionIds"
  ), counted AS (
    INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
    SELECT i."pollId", pt.option_id, p_shard, sum(pt.points)::int
    FROM inserted i JOIN polls ON polls.id = i."pollId",
         LATERAL (SELECT * FROM tableside_ballot_points(i."optionIds", polls.base) UNION ALL SELECT '', 1) pt
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("pollId", "optionId", shard) DO UPDATE SET count = "TallyCounter".count + excluded.count
  )
  SELECT coalesce(array_agg("pollId" || '/' || "voterId"), '{}') INTO v_inserted FROM inserted;

  -- Changes, one by one in (poll, voter, revision) order: each takes its voter's row lock.
  FOR v_change IN
    SELECT x.p, x.v, string_to_array(x.o, ',') AS options, to_timestamp(x.t / 1000.0) AS cast_at,
           to_timestamp(coalesce(x.u, x.t) / 1000.0) AS changed_at, x.r, tableside_rank_base(x.p) AS base
    FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, o text, t bigint, u bigint, r int)
    JOIN "Poll" pl ON pl.id = x.p AND pl.status = 'open'
    WHERE x.r > 1
    ORDER BY x.p, x.v, x.r
  LOOP
    LOOP
      SELECT "optionIds", revision INTO v_held FROM "Ballot"
      WHERE "pollId" = v_change.p AND "voterId" = v_change.v FOR UPDATE;
      IF FOUND THEN
        IF v_held.revision < v_change.r THEN
          UPDATE "Ballot" SET "optionIds" = v_change.options, revision = v_change.r, "changedAt" = v_change.changed_at
          WHERE "pollId" = v_change.p AND "voterId" = v_change.v;
          PERFORM tableside_add_points(v_change.p, p_shard, v_change.options, v_held."optionIds", v_change.base, 0,
                                       v_change.r - v_held.revision);
          v_applied := v_applied || (v_change.p || '/' || v_change.v || '/' || v_change.r);
        END IF;
        EXIT;
      END IF;
      -- The first revision has not landed yet: this one becomes the row (the earlier ones will find it newer).
      INSERT INTO "Ballot" ("pollId", "voterId", "optionIds", "castAt", revision, "changedAt")
      VALUES (v_change.p, v_change.v, v_change.options, v_change.cast_at, v_change.r, v_change.changed_at)
      ON CONFLICT ("pollId", "voterId") DO NOTHING;
      IF FOUND THEN
        PERFORM tableside_add_points(v_change.p, p_shard, v_change.options, '{}', v_change.base, 1, v_change.r - 1);
        v_applied := v_applied || (v_change.p || '/' || v_change.v || '/' || v_change.r);
        v_inserted := v_inserted || (v_change.p || '/' || v_change.v);
        EXIT;
      END IF;
    END LOOP;
  END LOOP;

  -- Coupons of the inserted ballots, as before; one per voter even when several of their revisions came.
  FOR v_claim IN
    SELECT x.p FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, c text)
    WHERE x.c IS NOT NULL AND (x.p || '/' || x.v) = ANY (v_inserted)
    GROUP BY x.p ORDER BY x.p
  LOOP
    SELECT remaining INTO v_left FROM "Promotion" WHERE "pollId" = v_claim.p FOR UPDATE;
    CONTINUE WHEN NOT FOUND OR v_left <= 0;
    INSERT INTO "Coupon" ("promotionId", "pollId", "voterId", code, "issuedAt")
    SELECT pr.id, c.p, c.v, c.c, to_timestamp(c.t / 1000.0)
    FROM (SELECT DISTINCT ON (x.v) x.p, x.v, x.t, x.c
          FROM jsonb_to_recordset(p_ballots) AS x(p text, v text, t bigint, c text)
          WHERE x.p = v_claim.p AND x.c IS NOT NULL AND (x.p || '/' || x.v) = ANY (v_inserted)
          ORDER BY x.v, x.t) c
    JOIN "Promotion" pr ON pr."pollId" = c.p
    ORDER BY c.t, c.v
    LIMIT v_left
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_issued = ROW_COUNT;
    UPDATE "Promotion" SET remaining = remaining - v_issued WHERE "pollId" = v_claim.p;
  END LOOP;

  -- In input order (a batch may hold two revisions of one voter): recordBallots reads the rows by position.
  RETURN QUERY
  SELECT x.p, x.v,
    CASE
      WHEN x.r = 1 AND (x.p || '/' || x.v) = ANY (v_inserted) THEN 'inserted'
      WHEN (x.p || '/' || x.v || '/' || x.r) = ANY (v_applied) THEN 'inserted'
      WHEN b.id IS NULL AND pl.id IS NULL THEN 'gone'
      WHEN b.id IS NULL THEN 'closed'
      WHEN abs(extract(epoch FROM b."castAt" - to_timestamp(x.t / 1000.0)::timestamp)) < 0.002
           AND (b.revision > x.r OR (b.revision = x.r AND b."optionIds" = string_to_array(x.o, ',')))
        THEN 'same'
      WHEN x.r > 1 AND pl.status <> 'open' THEN 'closed'
      ELSE 'other'
    END,
    cp.code
  FROM (SELECT e.b->>'p' AS p, e.b->>'v' AS v, e.b->>'o' AS o, (e.b->>'t')::bigint AS t,
               coalesce((e.b->>'r')::int, 1) AS r, e.n
        FROM jsonb_array_elements(p_ballots) WITH ORDINALITY AS e(b, n)) x
  LEFT JOIN "Poll" pl ON pl.id = x.p
  LEFT JOIN "Ballot" b ON b."pollId" = x.p AND b."voterId" = x.v
  LEFT JOIN "Coupon" cp ON cp."pollId" = x.p AND cp."voterId" = x.v
  ORDER BY x.n;
END;
$$;

-- The tally from the Ballot and Coupon rows, the final word (first written in 20261124020000_durability).
CREATE OR REPLACE FUNCTION tableside_recompute_tally(p_poll_id text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_base int := tableside_rank_base(p_poll_id);
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_poll_id, 0));
  DELETE FROM "TallyCounter" WHERE "pollId" = p_poll_id;
  INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
  SELECT p_poll_id, pt.option_id, 0, sum(pt.points)::int
  FROM "Ballot" b,
       LATERAL (SELECT * FROM tableside_ballot_points(b."optionIds", v_base)
                UNION ALL SELECT '', 1 UNION ALL SELECT '_changes', b.revision - 1) pt
  WHERE b."pollId" = p_poll_id
  GROUP BY pt.option_id;
  UPDATE "Promotion"
  SET remaining = GREATEST(quantity - (SELECT count(*) FROM "Coupon" WHERE "pollId" = p_poll_id)::int, 0)
  WHERE "pollId" = p_poll_id;
END;
$$;

-- The votes-over-time chart's points (first written in 20261124020000_durability): a change moves counts without
-- moving the total, so a poll is due when its counts differ from its last snapshot's, not only its total.
CREATE OR REPLACE FUNCTION tableside_take_snapshots(p_now timestamptz, p_every_ms int) RETURNS int LANGUAGE plpgsql AS $$
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
    SELECT d.id, d.taken_at, d.is_close, coalesce((t.tally->>'')::int, 0) AS total,
           (SELECT coalesce(jsonb_object_agg(o.id, coalesce((t.tally->>o.id)::int, 0)), '{}'::jsonb)
            FROM "PollOption" o WHERE o."pollId" = d.id) AS counts,
           (SELECT s FROM "TallySnapshot" s WHERE s."pollId" = d.id ORDER BY s."takenAt" DESC LIMIT 1) AS last
    FROM due d CROSS JOIN LATERAL (SELECT tableside_read_tally(d.id) AS tally) t
  )
  INSERT INTO "TallySnapshot" ("pollId", "takenAt", total, counts)
  SELECT t.id, t.taken_at, t.total, t.counts
  FROM tallies t
  WHERE t.is_close
     OR t.total <> coalesce((t.last).total, 0)
     OR ((t.last).id IS NOT NULL AND t.counts <> (t.last).counts)
  ON CONFLICT ("pollId", "takenAt") DO NOTHING;
  GET DIAGNOSTICS v_written = ROW_COUNT;
  RETURN v_written;
END;
$$;
