-- The Postgres-only engine's vote: one call, one transaction, the same outcome as the Redis engine's Lua script.
--
-- Ordering against open/close: a vote holds the poll's advisory lock in shared mode, a status change takes it
-- exclusively (server/domain/polls/mutations.ts), so a vote either lands before a close or sees the poll closed.
-- Shared advisory locks live in the lock manager, not on the Poll row: votes never queue behind one another.
--
-- The tally is striped over shards (p_shard, chosen by the caller) so concurrent votes rarely touch the same
-- counter row; option '' is the ballot total. The Ballot row's unique key decides who voted.
CREATE FUNCTION tableside_cast_vote(
  p_poll_id text, p_voter_id text, p_option_ids text[], p_coupon_code text, p_shard int, p_now timestamptz
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_poll record;
  v_status text;
  v_coupon text;
  v_promotion_id text;
  v_inserted int;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_poll_id, 0));

  SELECT status, "opensAt", "closesAt" INTO v_poll FROM "Poll" WHERE id = p_poll_id;
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

  IF v_status = 'accepted' THEN
    INSERT INTO "TallyCounter" ("pollId", "optionId", shard, count)
    SELECT p_poll_id, option_id, p_shard, 1 FROM unnest(p_option_ids || ''::text) AS option_id
    ON CONFLICT ("pollId", "optionId", shard) DO UPDATE SET count = "TallyCounter".count + 1;

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

-- A poll's tally on the Postgres-only engine: the sum over its counter shards, as { optionId: count }.
CREATE FUNCTION tableside_read_tally(p_poll_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg("optionId", total), '{}'::jsonb)
  FROM (SELECT "optionId", sum(count)::int AS total FROM "TallyCounter" WHERE "pollId" = p_poll_id GROUP BY "optionId") t;
$$;
