-- AlterEnum
ALTER TYPE "ChatEventKind" ADD VALUE 'alert';

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cityKey" TEXT,
    "type" "PostType",
    "property" "Property",
    "minPrice" INTEGER,
    "maxPrice" INTEGER,
    "minBedrooms" INTEGER,
    "minBathrooms" INTEGER,
    "keywords" TEXT,
    "area" box,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearchMatch" (
    "savedSearchId" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearchMatch_pkey" PRIMARY KEY ("savedSearchId","postId")
);

-- CreateTable
CREATE TABLE "PendingAlert" (
    "postId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingAlert_pkey" PRIMARY KEY ("postId")
);

-- CreateIndex
CREATE INDEX "SavedSearch_userId_createdAt_idx" ON "SavedSearch"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedSearch_cityKey_idx" ON "SavedSearch"("cityKey");

-- CreateIndex
CREATE INDEX "SavedSearch_area_idx" ON "SavedSearch" USING GIST ("area");

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_key_key" ON "SavedSearch"("userId", "key");

-- CreateIndex
CREATE INDEX "SavedSearchMatch_savedSearchId_createdAt_idx" ON "SavedSearchMatch"("savedSearchId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedSearchMatch_postId_idx" ON "SavedSearchMatch"("postId");

-- CreateIndex
CREATE INDEX "PendingAlert_createdAt_idx" ON "PendingAlert"("createdAt");

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearchMatch" ADD CONSTRAINT "SavedSearchMatch_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PendingAlert" ADD CONSTRAINT "PendingAlert_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Added by hand: what schema.prisma cannot say. The saved searches with neither a city nor a
-- map area, which every new listing must be checked against, on their own.
CREATE INDEX "SavedSearch_anywhere_idx" ON "SavedSearch"("createdAt") WHERE "cityKey" IS NULL AND "area" IS NULL;
