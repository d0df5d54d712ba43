-- Diner page opens are counted per quarter of an hour (UTC), not per hour: a restaurant in a half- or
-- quarter-hour time zone (Asia/Kolkata +05:30, Asia/Kathmandu +05:45) reads them by its own hours. Rows counted
-- per whole hour stay right for whole-hour zones.
ALTER TABLE "PollPageOpens" RENAME COLUMN "hourStart" TO "periodStart";
