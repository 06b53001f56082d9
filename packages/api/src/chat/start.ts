import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';

// One chat per pair of people, however it is started (from any of the lister's listings, or
// from a profile) and however many requests start it at once: the check and the insert run
// under a lock on the pair, so a second request waits for the first and then finds its chat.

/** Advisory lock namespace ("chat" in ASCII) of the per-pair locks. */
const PAIR_LOCKS = 0x63686174;

/** 32 bits of the pair, the same whichever of the two asks. Two pairs may share a key: they then take turns. */
function pairKey(a: string, b: string): number {
  return createHash('sha256').update([a, b].sort().join(':')).digest().readInt32BE(0);
}

const notFound = (what: 'listing' | 'user') =>
  new TRPCError({ code: 'NOT_FOUND', message: what === 'listing' ? 'This listing does not exist or was removed.' : 'No such user.' });

/** Whom a chat started with `input` is with, and the listing it is about. */
async function partner(prisma: PrismaClient, input: { postId?: string | undefined; userId?: string | undefined }) {
  if (input.postId) {
    const post = await prisma.post.findUnique({ where: { id: input.postId }, select: { userId: true } });
    if (!post) throw notFound('listing');
    return { otherId: post.userId, postId: input.postId };
  }
  const user = input.userId ? await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } }) : null;
  if (!user) throw notFound('user');
  return { otherId: user.id, postId: null };
}

/** The id of the chat between the signed-in user and the lister or user of `input`, created if there is none. */
export async function startChat(
  prisma: PrismaClient,
  userId: string,
  input: { postId?: string | undefined; userId?: string | undefined },
  now: Date,
) {
  const { otherId, postId } = await partner(prisma, input);
  if (otherId === userId) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: postId ? 'This is your own listing.' : 'You cannot start a chat with yourself.' });
  }
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PAIR_LOCKS}::int, ${pairKey(userId, otherId)}::int)`;
      // Older data may hold several chats of a pair: the most recently active one is theirs.
      const existing = await tx.chat.findFirst({
        where: { AND: [{ members: { some: { userId } } }, { members: { some: { userId: otherId } } }] },
        orderBy: [{ lastMessageAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
        select: { id: true },
      });
      if (existing) return existing.id;
      const created = await tx.chat.create({
        data: {
          postId,
          createdAt: now,
          members: {
            create: [
              { userId, joinedAt: now },
              { userId: otherId, joinedAt: now },
            ],
          },
        },
        select: { id: true },
      });
      return created.id;
    });
  } catch (error) {
    // The other account (or the listing) was deleted between our check and the insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw notFound(input.postId ? 'listing' : 'user');
    throw error;
  }
}
