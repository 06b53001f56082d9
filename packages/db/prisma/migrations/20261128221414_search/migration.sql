-- DropIndex
DROP INDEX "Post_bathroom_idx";

-- DropIndex
DROP INDEX "Post_bedroom_idx";

-- DropIndex
DROP INDEX "Post_cityKey_createdAt_id_idx";

-- DropIndex
DROP INDEX "Post_cityKey_type_createdAt_id_idx";

-- DropIndex
DROP INDEX "Post_cityKey_type_price_idx";

-- DropIndex
DROP INDEX "Post_createdAt_id_idx";

-- DropIndex
DROP INDEX "Post_latitude_longitude_idx";

-- DropIndex
DROP INDEX "Post_price_idx";

-- DropIndex
DROP INDEX "Post_property_idx";

-- DropIndex
DROP INDEX "Post_type_createdAt_id_idx";

-- DropIndex
DROP INDEX "Post_type_price_idx";

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "search" tsvector;

-- CreateTable
CREATE TABLE "City" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "City_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "City_count_idx" ON "City"("count" DESC);

-- CreateIndex
CREATE INDEX "Post_search_newest_idx" ON "Post"("createdAt" DESC, "id" DESC, "price", "type", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_price_idx" ON "Post"("price", "id", "createdAt", "type", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_type_newest_idx" ON "Post"("type", "createdAt" DESC, "id" DESC, "price", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_type_price_idx" ON "Post"("type", "price", "id", "createdAt", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_city_newest_idx" ON "Post"("cityKey", "createdAt" DESC, "id" DESC, "price", "type", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_city_price_idx" ON "Post"("cityKey", "price", "id", "createdAt", "type", "property", "bedroom", "bathroom", "latitude", "longitude");

-- CreateIndex
CREATE INDEX "Post_search_area_idx" ON "Post"("latitude", "longitude", "createdAt", "id", "price", "type", "property", "bedroom", "bathroom");

-- CreateIndex
CREATE INDEX "Post_search_idx" ON "Post" USING GIN ("search");

-- Added by hand: what schema.prisma cannot say. The search document of a listing, written by
-- triggers so that every way of writing listings (the API, the demo seed, SQL) keeps it right,
-- and the per-city counts behind the search box's suggestions, kept the same way.

-- Words of the title, address, city and description, stemmed as English, without positions
-- (keyword search needs only which words occur, and the index stays smaller).
CREATE FUNCTION estate_search_document(title text, address text, city text, description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT strip(to_tsvector('english', concat_ws(' ', title, address, city, description)))
$$;

-- Existing listings, before the triggers exist.
UPDATE "Post" p
SET "search" = estate_search_document(p."title", p."address", p."city",
  (SELECT d."desc" FROM "PostDetail" d WHERE d."postId" = p."id"));

INSERT INTO "City" ("key", "name", "count")
SELECT "cityKey", (array_agg("city" ORDER BY "createdAt" DESC))[1], count(*)::int FROM "Post" GROUP BY "cityKey";

-- A listing's own columns and its details' description; a listing written with its search
-- document already (the demo seed writes both at once) keeps it.
CREATE FUNCTION estate_post_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."search" IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."title" IS DISTINCT FROM OLD."title" OR NEW."address" IS DISTINCT FROM OLD."address"
     OR NEW."city" IS DISTINCT FROM OLD."city" THEN
    NEW."search" := estate_search_document(NEW."title", NEW."address", NEW."city",
      (SELECT d."desc" FROM "PostDetail" d WHERE d."postId" = NEW."id"));
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Post_search" BEFORE INSERT OR UPDATE ON "Post"
  FOR EACH ROW EXECUTE FUNCTION estate_post_search();

-- Once per statement: a listing whose description was written, changed or removed gets its
-- document again, unless it already has that one.
CREATE FUNCTION estate_detail_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Post" p SET "search" = doc."search"
  FROM (
    SELECT p2."id", estate_search_document(p2."title", p2."address", p2."city", d."desc") AS "search"
    FROM (SELECT DISTINCT "postId" FROM changed) c
    JOIN "Post" p2 ON p2."id" = c."postId"
    LEFT JOIN "PostDetail" d ON d."postId" = p2."id"
  ) doc
  WHERE p."id" = doc."id" AND p."search" IS DISTINCT FROM doc."search";
  RETURN NULL;
END
$$;

CREATE TRIGGER "PostDetail_search_insert" AFTER INSERT ON "PostDetail"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION estate_detail_search();
CREATE TRIGGER "PostDetail_search_update" AFTER UPDATE ON "PostDetail"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION estate_detail_search();
CREATE TRIGGER "PostDetail_search_delete" AFTER DELETE ON "PostDetail"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION estate_detail_search();

-- City counts, once per statement, in key order (so concurrent writers lock cities in the
-- same order). Each trigger sees only its own transition tables, hence three functions.
CREATE FUNCTION estate_city_add(rows_by_city text[], names text[], counts int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "City" ("key", "name", "count")
  SELECT k, n, c FROM unnest(rows_by_city, names, counts) AS t(k, n, c) ORDER BY k
  ON CONFLICT ("key") DO UPDATE SET "count" = "City"."count" + EXCLUDED."count", "name" = EXCLUDED."name";
$$;

CREATE FUNCTION estate_city_remove(rows_by_city text[], counts int[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "City" c SET "count" = c."count" - t.n
  FROM (SELECT k, n FROM unnest(rows_by_city, counts) AS u(k, n) ORDER BY k) t
  WHERE c."key" = t.k;
  DELETE FROM "City" WHERE "key" = ANY(rows_by_city) AND "count" <= 0;
$$;

CREATE FUNCTION estate_city_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_city_add(array_agg(k), array_agg(n), array_agg(c))
  FROM (SELECT "cityKey" AS k, (array_agg("city" ORDER BY "createdAt" DESC))[1] AS n, count(*)::int AS c
        FROM new_rows GROUP BY "cityKey") t;
  RETURN NULL;
END
$$;

CREATE FUNCTION estate_city_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_city_remove(array_agg(k), array_agg(c))
  FROM (SELECT "cityKey" AS k, count(*)::int AS c FROM old_rows GROUP BY "cityKey") t;
  RETURN NULL;
END
$$;

-- Only listings that moved to another city change the counts (and a renamed city's spelling).
CREATE FUNCTION estate_city_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_city_remove(array_agg(k), array_agg(c))
  FROM (SELECT o."cityKey" AS k, count(*)::int AS c FROM old_rows o JOIN new_rows n USING ("id")
        WHERE n."city" IS DISTINCT FROM o."city" GROUP BY o."cityKey") t;
  PERFORM estate_city_add(array_agg(k), array_agg(n), array_agg(c))
  FROM (SELECT n."cityKey" AS k, (array_agg(n."city" ORDER BY n."createdAt" DESC))[1] AS n, count(*)::int AS c
        FROM old_rows o JOIN new_rows n USING ("id") WHERE n."city" IS DISTINCT FROM o."city" GROUP BY n."cityKey") t;
  RETURN NULL;
END
$$;

CREATE TRIGGER "Post_city_insert" AFTER INSERT ON "Post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_city_inserted();
CREATE TRIGGER "Post_city_update" AFTER UPDATE ON "Post"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_city_updated();
CREATE TRIGGER "Post_city_delete" AFTER DELETE ON "Post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_city_deleted();
