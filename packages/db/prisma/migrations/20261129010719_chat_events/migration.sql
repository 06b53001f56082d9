-- CreateEnum
CREATE TYPE "ChatEventKind" AS ENUM ('message', 'read', 'unread');

-- DropIndex
DROP INDEX "Message_chatId_createdAt_idx";

-- CreateTable
-- (Edited: an identity column instead of the generated BIGSERIAL; Prisma reads both as autoincrement().)
CREATE TABLE "ChatEvent" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY,
    "userId" UUID NOT NULL,
    "kind" "ChatEventKind" NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatEvent_userId_id_idx" ON "ChatEvent"("userId", "id");

-- CreateIndex
CREATE INDEX "ChatEvent_createdAt_idx" ON "ChatEvent"("createdAt");

-- CreateIndex
CREATE INDEX "Message_chatId_createdAt_id_idx" ON "Message"("chatId", "createdAt" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "ChatEvent" ADD CONSTRAINT "ChatEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
