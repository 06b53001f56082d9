import type { PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';

/**
 * The ids of a chat's members, if `userId` is one of them: NOT_FOUND or FORBIDDEN otherwise
 * (and nothing about the chat). A member who deleted their account is no longer listed.
 */
export async function chatMembers(prisma: PrismaClient, chatId: string, userId: string): Promise<string[]> {
  const chat = await prisma.chat.findUnique({ where: { id: chatId }, select: { members: { select: { userId: true } } } });
  if (!chat) throw new TRPCError({ code: 'NOT_FOUND', message: 'This chat does not exist.' });
  const members = chat.members.map((member) => member.userId);
  if (!members.includes(userId)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the people in a chat can see or use it.' });
  return members;
}

export const otherDeletedError = () =>
  new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: 'The other person has deleted their account: this chat can be read but no longer answered.',
  });
