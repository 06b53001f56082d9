import { Prisma } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { afterCursor, newestFirst, newestPositionOf, pageInput, pageOf } from '../cursor.js';
import { postCardSelect } from '../listings/select.js';
import { documented } from '../procedure-meta.js';
import { protectedProcedure, router } from '../trpc.js';

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'This listing does not exist or was removed' });

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const toggleProcedure = protectedProcedure.meta(documented({ errors: { NOT_FOUND: 'no such listing' } }));

export const savedPostRouter = router({
  /**
   * Saves or unsaves a listing: to `saved` when given (what a button that shows the state
   * sends, so a double click lands where the user meant), else the opposite of now. Each
   * path is one statement, so concurrent calls never make a second row or an error.
   */
  toggle: toggleProcedure
    .input(z.object({ postId: z.uuid('Not a listing id'), saved: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const key = { userId: ctx.user.id, postId: input.postId };
      if (input.saved !== true) {
        const { count } = await ctx.prisma.savedPost.deleteMany({ where: key });
        if (count > 0 || input.saved === false) {
          if (count === 0 && !(await ctx.prisma.post.count({ where: { id: input.postId } }))) throw notFound();
          return { saved: false };
        }
      }
      try {
        // ON CONFLICT DO NOTHING: if a concurrent call saved it first, it is saved all the same.
        await ctx.prisma.savedPost.createMany({ data: [key], skipDuplicates: true });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw notFound();
        throw error;
      }
      return { saved: true };
    }),

  /** My saved homes, most recently saved first, as cards. */
  list: protectedProcedure.input(z.object(pageInput('saved')).default({ limit: 24 })).query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.savedPost.findMany({
      where: { userId: ctx.user.id, ...afterCursor(input.cursor) },
      orderBy: [...newestFirst],
      take: input.limit + 1,
      select: { id: true, createdAt: true, post: { select: postCardSelect } },
    });
    const page = pageOf('saved', rows, input.limit, newestPositionOf);
    return { ...page, items: page.items.map((row) => ({ ...row.post, savedAt: row.createdAt, isSaved: true })) };
  }),
});
