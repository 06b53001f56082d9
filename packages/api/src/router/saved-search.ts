import type { PrismaClient } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { documented } from '../procedure-meta.js';
import { savedSearchData, setAreas } from '../saved-searches/columns.js';
import {
  describeFilters,
  MAX_SAVED_SEARCHES,
  savedSearchCreateInput,
  savedSearchIdInput,
  savedSearchRenameInput,
} from '../schemas/saved-search.js';
import { searchFilters } from '../schemas/search.js';
import { protectedProcedure, router } from '../trpc.js';

// Saved searches are private: someone else's is NOT_FOUND, as if it did not exist.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such saved search.' });

/** The user's saved searches (all, or the one `id`), newest first, as the list shows them. */
async function savedSearches(prisma: PrismaClient, userId: string, id?: string) {
  const rows = await prisma.savedSearch.findMany({
    where: { userId, ...(id && { id }) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, filters: true, createdAt: true, seenAt: true },
  });
  if (rows.length === 0) return [];
  // Homes matched (so announced) since the search was last opened.
  const counts = await prisma.$queryRaw<Array<{ id: string; newCount: number }>>`
    SELECT s."id", (SELECT count(*)::int FROM "SavedSearchMatch" m WHERE m."savedSearchId" = s."id" AND m."createdAt" > s."seenAt") AS "newCount"
    FROM "SavedSearch" s WHERE s."id" = ANY(${rows.map((row) => row.id)}::uuid[])`;
  const newCount = new Map(counts.map((row) => [row.id, row.newCount]));
  return rows.map(({ filters, ...row }) => {
    const parsed = searchFilters.parse(filters);
    return { ...row, filters: parsed, summary: describeFilters(parsed), newCount: newCount.get(row.id) ?? 0 };
  });
}

async function savedSearch(prisma: PrismaClient, userId: string, id: string) {
  const [found] = await savedSearches(prisma, userId, id);
  if (!found) throw notFound();
  return found;
}

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const createProcedure = protectedProcedure.meta(
  documented({ errors: { BAD_REQUEST: 'also when you already keep the most saved searches allowed' } }),
);
const openProcedure = protectedProcedure.meta(
  documented({ access: "the search's owner", errors: { NOT_FOUND: 'no such saved search of yours' } }),
);
const renameProcedure = protectedProcedure.meta(
  documented({ access: "the search's owner", errors: { NOT_FOUND: 'no such saved search of yours' } }),
);
const deleteProcedure = protectedProcedure.meta(
  documented({ access: "the search's owner", errors: { NOT_FOUND: 'no such saved search of yours' } }),
);

export const savedSearchRouter = router({
  /** Saves the filters of a search (the same filters again: the one saved before), named from them unless `name` is given. */
  create: createProcedure.input(savedSearchCreateInput).mutation(async ({ ctx, input }) => {
    const userId = ctx.user.id;
    const data = savedSearchData(userId, input, ctx.now());
    const id = await ctx.prisma.$transaction(async (tx) => {
      // One at a time per user, so two saves at once cannot both pass the limit.
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR NO KEY UPDATE`;
      const existing = await tx.savedSearch.findUnique({ where: { userId_key: { userId, key: data.key } }, select: { id: true } });
      if (existing) return existing.id;
      if ((await tx.savedSearch.count({ where: { userId } })) >= MAX_SAVED_SEARCHES) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `You can keep up to ${MAX_SAVED_SEARCHES} saved searches. Delete one to save this search.`,
        });
      }
      const created = await tx.savedSearch.create({ data, select: { id: true } });
      await setAreas(tx, [created.id]);
      return created.id;
    });
    return savedSearch(ctx.prisma, userId, id);
  }),

  /** My saved searches, newest first, each with a summary and how many homes matched it since I last opened it. */
  list: protectedProcedure.query(({ ctx }) => savedSearches(ctx.prisma, ctx.user.id)),

  /** Marks the search seen (its new matches are no longer new) and gives the post.search input of its results. */
  open: openProcedure.input(savedSearchIdInput).mutation(async ({ ctx, input }) => {
    const [opened] = await ctx.prisma.savedSearch.updateManyAndReturn({
      where: { id: input.id, userId: ctx.user.id },
      data: { seenAt: ctx.now() },
      select: { filters: true },
    });
    if (!opened) throw notFound();
    return searchFilters.parse(opened.filters);
  }),

  rename: renameProcedure.input(savedSearchRenameInput).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.prisma.savedSearch.updateMany({ where: { id: input.id, userId: ctx.user.id }, data: { name: input.name } });
    if (count === 0) throw notFound();
    return savedSearch(ctx.prisma, ctx.user.id, input.id);
  }),

  delete: deleteProcedure.input(savedSearchIdInput).mutation(async ({ ctx, input }) => {
    await ctx.prisma.$transaction(async (tx) => {
      const { count } = await tx.savedSearch.deleteMany({ where: { id: input.id, userId: ctx.user.id } });
      if (count === 0) throw notFound();
      // Its matches have no foreign key to cascade (see schema.prisma).
      await tx.savedSearchMatch.deleteMany({ where: { savedSearchId: input.id } });
    });
    return { id: input.id };
  }),
});
