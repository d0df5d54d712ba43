-- The vote path's group commit (docs/adr/0031): most batches are first votes only, every one of them inserted.
-- Such a batch skips the change loop and, without coupons, the coupon loop, and its answer is read from the input
-- instead of joining Poll, Ballot and Coupon per ballot. Every other batch takes the general path, unchanged.
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
  v_count int := jsonb_array_length(p_ballots);
  v_has_changes boolean := jsonb_path_exists(p_ballots, '$[*] ? (@.r > 1)');
  v_has_coupons boolean := jsonb_path_exists(p_ballots, '$[*] ? (@.c != null)');
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

  IF v_has_changes THEN
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
  END IF;

  IF v_has_coupons THEN
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
  END IF;

  -- First votes, every one inserted: the answer is the input's order, with the coupons just issued.
  IF NOT v_has_changes AND cardinality(v_inserted) = v_count THEN
    IF v_has_coupons THEN
      RETURN QUERY
      SELECT x.p, x.v, 'inserted'::text, cp.code
      FROM ROWS FROM (jsonb_to_recordset(p_ballots) AS (p text, v text)) WITH ORDINALITY AS x(p, v, n)
      LEFT JOIN "Coupon" cp ON cp."pollId" = x.p AND cp."voterId" = x.v
      ORDER BY x.n;
    ELSE
      RETURN QUERY
      SELECT x.p, x.v, 'inserted'::text, NULL::text
      FROM ROWS FROM (jsonb_to_recordset(p_ballots) AS (p text, v text)) WITH ORDINALITY AS x(p, v, n)
      ORDER BY x.n;
    END IF;
    RETURN;
  END IF;

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
