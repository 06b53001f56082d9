-- DropIndex
DROP INDEX "Post_userId_createdAt_idx";

-- DropIndex
DROP INDEX "RateLimit_windowStart_idx";

-- DropIndex
DROP INDEX "SavedPost_userId_createdAt_idx";

-- Added by hand: counters live minutes, so existing ones are dropped rather than given an expiry.
DELETE FROM "RateLimit";

-- AlterTable
ALTER TABLE "RateLimit" ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL;

-- CreateTable
CREATE TABLE "Upload" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Upload_userId_idx" ON "Upload"("userId");

-- CreateIndex
CREATE INDEX "Upload_createdAt_idx" ON "Upload"("createdAt");

-- CreateIndex
CREATE INDEX "Post_userId_createdAt_id_idx" ON "Post"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Post_images_idx" ON "Post" USING GIN ("images");

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");

-- CreateIndex
CREATE INDEX "SavedPost_userId_createdAt_id_idx" ON "SavedPost"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "User_avatar_idx" ON "User"("avatar");

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
