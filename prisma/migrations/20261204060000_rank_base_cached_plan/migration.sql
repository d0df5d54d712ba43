-- tableside_rank_base as plpgsql, not sql: a sql function that cannot be inlined is planned afresh on every call,
-- ~0.2 ms of Postgres CPU on every group commit of the vote path (docs/adr/0031); plpgsql keeps its plan per session.
CREATE OR REPLACE FUNCTION tableside_rank_base(p_poll_id text) RETURNS int LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT CASE WHEN p.kind = 'ranking' THEN (SELECT count(*)::int FROM "PollOption" o WHERE o."pollId" = p.id) ELSE 0 END
    FROM "Poll" p WHERE p.id = p_poll_id
  );
END;
$$;
