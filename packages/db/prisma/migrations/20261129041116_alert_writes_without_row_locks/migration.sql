-- DropForeignKey
ALTER TABLE "ChatEvent" DROP CONSTRAINT "ChatEvent_userId_fkey";

-- DropForeignKey
ALTER TABLE "SavedSearchMatch" DROP CONSTRAINT "SavedSearchMatch_savedSearchId_fkey";

-- DropIndex
DROP INDEX "SavedSearchMatch_postId_idx";

-- AlterTable
ALTER TABLE "SavedSearchMatch" DROP CONSTRAINT "SavedSearchMatch_pkey",
ADD CONSTRAINT "SavedSearchMatch_pkey" PRIMARY KEY ("postId", "savedSearchId");
