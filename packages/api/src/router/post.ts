import { PostType, type Prisma } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { afterCursor, cursorSchema, encodeCursor } from '../cursor.js';
import { publicProcedure, router } from '../trpc.js';

const price = z
  .number({ error: 'Price must be a number' })
  .int('Price must be a whole number')
  .min(0, 'Price cannot be negative')
  .max(1_000_000_000);

export const postSearchInput = z
  .object({
    /** Matched case-insensitively against the whole city name; blank means any city. */
    city: z.string().trim().max(100).optional(),
    type: z.enum(PostType).optional(),
    minPrice: price.optional(),
    maxPrice: price.optional(),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: cursorSchema.optional(),
  })
  .refine((input) => input.minPrice === undefined || input.maxPrice === undefined || input.minPrice <= input.maxPrice, {
    message: 'Maximum price must be at least the minimum price',
    path: ['maxPrice'],
  });

/** What a result card shows. */
export const postCardSelect = {
  id: true,
  title: true,
  price: true,
  images: true,
  address: true,
  city: true,
  bedroom: true,
  bathroom: true,
  latitude: true,
  longitude: true,
  type: true,
  property: true,
  createdAt: true,
} satisfies Prisma.PostSelect;

const postPageSelect = {
  ...postCardSelect,
  updatedAt: true,
  postDetail: {
    select: { desc: true, utilities: true, pet: true, income: true, size: true, school: true, bus: true, restaurant: true },
  },
  user: { select: { username: true, avatar: true } },
} satisfies Prisma.PostSelect;

export const postRouter = router({
  search: publicProcedure.input(postSearchInput).query(async ({ ctx, input }) => {
    const city = input.city?.toLowerCase();
    const where: Prisma.PostWhereInput = {
      ...(city && { cityKey: city }),
      ...(input.type && { type: input.type }),
      ...((input.minPrice !== undefined || input.maxPrice !== undefined) && {
        price: { gte: input.minPrice, lte: input.maxPrice },
      }),
      ...afterCursor(input.cursor),
    };
    // One extra row tells whether another page exists without counting.
    const rows = await ctx.prisma.post.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: input.limit + 1,
      select: postCardSelect,
    });
    const items = rows.slice(0, input.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
  }),

  byId: publicProcedure.input(z.object({ id: z.uuid('Not a listing id') })).query(async ({ ctx, input }) => {
    const post = await ctx.prisma.post.findUnique({ where: { id: input.id }, select: postPageSelect });
    if (!post) throw new TRPCError({ code: 'NOT_FOUND', message: 'This listing does not exist or was removed' });
    return post;
  }),
});
