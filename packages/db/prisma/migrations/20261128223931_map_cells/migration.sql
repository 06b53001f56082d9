-- CreateTable
CREATE TABLE "MapCell" (
    "zoom" INTEGER NOT NULL,
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,
    "cityKey" TEXT NOT NULL,
    "type" "PostType" NOT NULL,
    "property" "Property" NOT NULL,
    "bedroom" INTEGER NOT NULL,
    "bathroom" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sumLatitude" DOUBLE PRECISION NOT NULL,
    "sumLongitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MapCell_pkey" PRIMARY KEY ("zoom","x","y","cityKey","type","property","bedroom","bathroom")
);

-- CreateIndex
CREATE INDEX "Post_search_area_by_longitude_idx" ON "Post"("longitude", "latitude", "cityKey", "type", "property", "bedroom", "bathroom");

-- Added by hand: the map cells' upkeep, what schema.prisma cannot say.

-- A cell's side in degrees at a zoom: a quarter of a Web Mercator tile (360° / 2^zoom).
CREATE FUNCTION estate_cell_size(zoom int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 360.0::float8 / (2.0::float8 ^ zoom) / 4.0::float8
$$;

-- The cell of a listing at every zoom the table keeps (0 to 13).
CREATE FUNCTION estate_map_cells_of(home "Post") RETURNS TABLE (zoom int, x int, y int) LANGUAGE sql IMMUTABLE AS $$
  SELECT z, floor(home."longitude" / estate_cell_size(z))::int, floor(home."latitude" / estate_cell_size(z))::int
  FROM generate_series(0, 13) AS z
$$;

-- Adds (sign 1) or takes away (sign -1) these listings, in key order (so concurrent writers
-- lock cells in the same order); a cell left with none is deleted.
CREATE FUNCTION estate_map_cells_apply(sign int, homes "Post"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF homes IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "MapCell" AS m ("zoom", "x", "y", "cityKey", "type", "property", "bedroom", "bathroom", "count", "sumLatitude", "sumLongitude")
  SELECT c.zoom, c.x, c.y, h."cityKey", h."type", h."property", least(h."bedroom", 5), least(h."bathroom", 4),
         sign * count(*)::int, sign * sum(h."latitude"), sign * sum(h."longitude")
  FROM unnest(homes) AS h CROSS JOIN LATERAL estate_map_cells_of(h) AS c
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("zoom", "x", "y", "cityKey", "type", "property", "bedroom", "bathroom") DO UPDATE SET
    "count" = m."count" + EXCLUDED."count",
    "sumLatitude" = m."sumLatitude" + EXCLUDED."sumLatitude",
    "sumLongitude" = m."sumLongitude" + EXCLUDED."sumLongitude";
  IF sign < 0 THEN
    DELETE FROM "MapCell" m
    USING (SELECT DISTINCT c.zoom, c.x, c.y, h."cityKey", h."type", h."property", least(h."bedroom", 5) AS bedroom, least(h."bathroom", 4) AS bathroom
           FROM unnest(homes) AS h CROSS JOIN LATERAL estate_map_cells_of(h) AS c) gone
    WHERE m."zoom" = gone.zoom AND m."x" = gone.x AND m."y" = gone.y AND m."cityKey" = gone."cityKey" AND m."type" = gone."type"
      AND m."property" = gone."property" AND m."bedroom" = gone.bedroom AND m."bathroom" = gone.bathroom AND m."count" <= 0;
  END IF;
END
$$;

CREATE FUNCTION estate_map_cells_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_cells_apply(1, (SELECT array_agg(n::"Post") FROM new_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION estate_map_cells_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_cells_apply(-1, (SELECT array_agg(o::"Post") FROM old_rows o));
  RETURN NULL;
END
$$;

-- Only listings that moved, or changed what the cells count them by.
CREATE FUNCTION estate_map_cells_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_cells_apply(-1, (
    SELECT array_agg(o::"Post") FROM old_rows o JOIN new_rows n USING ("id")
    WHERE (o."latitude", o."longitude", o."cityKey", o."type", o."property", o."bedroom", o."bathroom")
      IS DISTINCT FROM (n."latitude", n."longitude", n."cityKey", n."type", n."property", n."bedroom", n."bathroom")));
  PERFORM estate_map_cells_apply(1, (
    SELECT array_agg(n::"Post") FROM old_rows o JOIN new_rows n USING ("id")
    WHERE (o."latitude", o."longitude", o."cityKey", o."type", o."property", o."bedroom", o."bathroom")
      IS DISTINCT FROM (n."latitude", n."longitude", n."cityKey", n."type", n."property", n."bedroom", n."bathroom")));
  RETURN NULL;
END
$$;

-- Existing listings, before the triggers exist.
INSERT INTO "MapCell" ("zoom", "x", "y", "cityKey", "type", "property", "bedroom", "bathroom", "count", "sumLatitude", "sumLongitude")
SELECT c.zoom, c.x, c.y, p."cityKey", p."type", p."property", least(p."bedroom", 5), least(p."bathroom", 4),
       count(*)::int, sum(p."latitude"), sum(p."longitude")
FROM "Post" AS p CROSS JOIN LATERAL estate_map_cells_of(p) AS c
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

CREATE TRIGGER "Post_map_cells_insert" AFTER INSERT ON "Post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_cells_inserted();
CREATE TRIGGER "Post_map_cells_update" AFTER UPDATE ON "Post"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_cells_updated();
CREATE TRIGGER "Post_map_cells_delete" AFTER DELETE ON "Post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_cells_deleted();
