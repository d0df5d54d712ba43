-- The winner on the menu: a dish made the restaurant's special for a range of days, on the restaurant's calendar
-- (dates as YYYY-MM-DD, compared as text), usually from a closed menu vote it won.
CREATE TABLE "Special" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "menuItemId" TEXT NOT NULL,
    "pollId" TEXT,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Special_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Special_dates" CHECK ("startsOn" ~ '^\d{4}-\d{2}-\d{2}$' AND "endsOn" ~ '^\d{4}-\d{2}-\d{2}$' AND "startsOn" <= "endsOn")
);
CREATE INDEX "Special_restaurantId_endsOn_idx" ON "Special"("restaurantId", "endsOn");
CREATE UNIQUE INDEX "Special_pollId_key" ON "Special"("pollId");
ALTER TABLE "Special" ADD CONSTRAINT "Special_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Special" ADD CONSTRAINT "Special_menuItemId_fkey" FOREIGN KEY ("menuItemId") REFERENCES "MenuItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Special" ADD CONSTRAINT "Special_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "Poll"("id") ON DELETE SET NULL ON UPDATE CASCADE;
