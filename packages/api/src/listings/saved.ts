import type { Context } from '../context.js';

/** Adds `isSaved` for the signed-in user (false for everyone when signed out): one indexed query per page. */
export async function withIsSaved<Item extends { id: string }>(ctx: Context, items: Item[]): Promise<Array<Item & { isSaved: boolean }>> {
  const userId = ctx.user?.id;
  const saved =
    userId && items.length > 0
      ? await ctx.prisma.savedPost.findMany({ where: { userId, postId: { in: items.map((item) => item.id) } }, select: { postId: true } })
      : [];
  const savedIds = new Set(saved.map((row) => row.postId));
  return items.map((item) => ({ ...item, isSaved: savedIds.has(item.id) }));
}
