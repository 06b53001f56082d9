-- CreateIndex
CREATE INDEX "MapCell_by_column_idx" ON "MapCell"("zoom", "x", "y", "cityKey", "type", "property", "bedroom", "bathroom", "count", "sumLatitude", "sumLongitude");

-- CreateIndex
CREATE INDEX "MapPriceCell_by_column_idx" ON "MapPriceCell"("zoom", "x", "y", "type", "band", "count", "sumLatitude", "sumLongitude");
