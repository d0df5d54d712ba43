-- A short code per poll that a diner can type at /join when the QR code is out of reach (docs/adr/0021).
-- Six characters of Crockford's base-32 (no I, L, O, U), read leniently like coupon codes. Drawn by the database
-- itself, so every way of making a poll (create, duplicate, a future import) gets one without remembering to.
-- It is shown on the TV, not a secret: random() is enough; the loop skips a code already taken.
CREATE FUNCTION tableside_new_join_code() RETURNS TEXT AS $$
DECLARE
  alphabet CONSTANT TEXT := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  code TEXT;
BEGIN
  LOOP
    code := '';
    FOR i IN 1..6 LOOP
      code := code || substr(alphabet, 1 + floor(random() * 32)::INT, 1);
    END LOOP;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM "Poll" WHERE "joinCode" = code);
  END LOOP;
  RETURN code;
END
$$ LANGUAGE plpgsql VOLATILE;

ALTER TABLE "Poll" ADD COLUMN "joinCode" TEXT;
UPDATE "Poll" SET "joinCode" = tableside_new_join_code();
ALTER TABLE "Poll" ALTER COLUMN "joinCode" SET NOT NULL, ALTER COLUMN "joinCode" SET DEFAULT tableside_new_join_code();
CREATE UNIQUE INDEX "Poll_joinCode_key" ON "Poll"("joinCode");
