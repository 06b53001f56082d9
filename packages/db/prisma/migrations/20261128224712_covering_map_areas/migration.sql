-- DropIndex
DROP INDEX "Post_search_area_by_longitude_idx";

-- DropIndex
DROP INDEX "Post_search_area_idx";

-- CreateIndex
CREATE INDEX "Post_search_area_idx" ON "Post"("latitude", "longitude", "createdAt", "id", "price", "type", "property", "bedroom", "bathroom", "cityKey");

-- CreateIndex
CREATE INDEX "Post_search_area_by_longitude_idx" ON "Post"("longitude", "latitude", "createdAt", "id", "price", "type", "property", "bedroom", "bathroom", "cityKey");
