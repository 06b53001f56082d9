-- DropIndex
DROP INDEX "SavedSearch_area_idx";

-- DropIndex
DROP INDEX "SavedSearch_cityKey_idx";

-- Added by hand: what schema.prisma cannot say. What the alert matching reads of the saved
-- searches, in the three indexes it finds them by, so it reads them from the indexes alone
-- (index-only scans: a home in a big city matches thousands) instead of from the wider rows.
-- Partial, so each holds one way of finding them: the searches of a city; the map areas of
-- searches without a city; the few with neither.
DROP INDEX "SavedSearch_anywhere_idx";

CREATE INDEX "SavedSearch_city_match_idx" ON "SavedSearch"("cityKey")
  INCLUDE ("id", "userId", "type", "property", "minPrice", "maxPrice", "minBedrooms", "minBathrooms", "keywords", "area")
  WHERE "cityKey" IS NOT NULL;

CREATE INDEX "SavedSearch_area_match_idx" ON "SavedSearch" USING GIST ("area")
  INCLUDE ("id", "userId", "type", "property", "minPrice", "maxPrice", "minBedrooms", "minBathrooms", "keywords")
  WHERE "cityKey" IS NULL;

CREATE INDEX "SavedSearch_anywhere_match_idx" ON "SavedSearch"("id")
  INCLUDE ("userId", "type", "property", "minPrice", "maxPrice", "minBedrooms", "minBathrooms", "keywords", "area")
  WHERE "cityKey" IS NULL AND "area" IS NULL;
