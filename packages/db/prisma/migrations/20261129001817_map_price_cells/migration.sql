-- CreateTable
CREATE TABLE "MapPriceCell" (
    "zoom" INTEGER NOT NULL,
    "x" INTEGER NOT NULL,
    "y" INTEGER NOT NULL,
    "type" "PostType" NOT NULL,
    "band" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "sumLatitude" DOUBLE PRECISION NOT NULL,
    "sumLongitude" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MapPriceCell_pkey" PRIMARY KEY ("zoom","x","y","type","band")
);

-- CreateIndex
CREATE INDEX "MapPriceCell_by_row_idx" ON "MapPriceCell"("zoom", "y", "x", "type", "band", "count", "sumLatitude", "sumLongitude");

-- CreateIndex
CREATE INDEX "MapCell_by_row_idx" ON "MapCell"("zoom", "y", "x", "cityKey", "type", "property", "bedroom", "bathroom", "count", "sumLatitude", "sumLongitude");

-- Added by hand: the price cells' upkeep, what schema.prisma cannot say.

-- A price's band: a sixteenth of a doubling (about 4.4%). Only its order matters to readers
-- (a higher price never has a lower band), so it is computed here and nowhere else.
CREATE FUNCTION estate_price_band(price int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(ln(greatest(price, 1)::float8) * 16.0 / ln(2.0::float8))::int
$$;

-- Adds (sign 1) or takes away (sign -1) these listings at zooms 0 to 9, in key order (so
-- concurrent writers lock cells in the same order); a cell left with none is deleted.
CREATE FUNCTION estate_map_price_cells_apply(sign int, homes "Post"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF homes IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO "MapPriceCell" AS m ("zoom", "x", "y", "type", "band", "count", "sumLatitude", "sumLongitude")
  SELECT c.zoom, c.x, c.y, h."type", estate_price_band(h."price"), sign * count(*)::int, sign * sum(h."latitude"), sign * sum(h."longitude")
  FROM unnest(homes) AS h CROSS JOIN LATERAL estate_map_cells_of(h) AS c
  WHERE c.zoom <= 9
  GROUP BY 1, 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("zoom", "x", "y", "type", "band") DO UPDATE SET
    "count" = m."count" + EXCLUDED."count",
    "sumLatitude" = m."sumLatitude" + EXCLUDED."sumLatitude",
    "sumLongitude" = m."sumLongitude" + EXCLUDED."sumLongitude";
  IF sign < 0 THEN
    DELETE FROM "MapPriceCell" m
    USING (SELECT DISTINCT c.zoom, c.x, c.y, h."type", estate_price_band(h."price") AS band
           FROM unnest(homes) AS h CROSS JOIN LATERAL estate_map_cells_of(h) AS c WHERE c.zoom <= 9) gone
    WHERE m."zoom" = gone.zoom AND m."x" = gone.x AND m."y" = gone.y AND m."type" = gone."type" AND m."band" = gone.band
      AND m."count" <= 0;
  END IF;
END
$$;

CREATE FUNCTION estate_map_price_cells_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_price_cells_apply(1, (SELECT array_agg(n::"Post") FROM new_rows n));
  RETURN NULL;
END
$$;

CREATE FUNCTION estate_map_price_cells_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_price_cells_apply(-1, (SELECT array_agg(o::"Post") FROM old_rows o));
  RETURN NULL;
END
$$;

-- Only listings that moved, were repriced or changed type.
CREATE FUNCTION estate_map_price_cells_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM estate_map_price_cells_apply(-1, (
    SELECT array_agg(o::"Post") FROM old_rows o JOIN new_rows n USING ("id")
    WHERE (o."latitude", o."longitude", o."type", o."price") IS DISTINCT FROM (n."latitude", n."longitude", n."type", n."price")));
  PERFORM estate_map_price_cells_apply(1, (
    SELECT array_agg(n::"Post") FROM old_rows o JOIN new_rows n USING ("id")
    WHERE (o."latitude", o."longitude", o."type", o."price") IS DISTINCT FROM (n."latitude", n."longitude", n."type", n."price")));
  RETURN NULL;
END
$$;

-- Existing listings, before the triggers exist.
INSERT INTO "MapPriceCell" ("zoom", "x", "y", "type", "band", "count", "sumLatitude", "sumLongitude")
SELECT c.zoom, c.x, c.y, p."type", estate_price_band(p."price"), count(*)::int, sum(p."latitude"), sum(p."longitude")
FROM "Post" AS p CROSS JOIN LATERAL estate_map_cells_of(p) AS c
WHERE c.zoom <= 9
GROUP BY 1, 2, 3, 4, 5;

CREATE TRIGGER "Post_map_price_cells_insert" AFTER INSERT ON "Post"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_price_cells_inserted();
CREATE TRIGGER "Post_map_price_cells_update" AFTER UPDATE ON "Post"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_price_cells_updated();
CREATE TRIGGER "Post_map_price_cells_delete" AFTER DELETE ON "Post"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION estate_map_price_cells_deleted();
