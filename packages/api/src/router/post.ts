import { Prisma, sqlFor } from '@estate/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { fieldError } from '../auth/errors.js';
import { hit } from '../auth/rate-limit.js';
import type { Context } from '../context.js';
import { afterCursor, newestFirst, newestPositionOf, pageInput, pageOf } from '../cursor.js';
import { mapClusters } from '../listings/clusters.js';
import { insertListing } from '../listings/insert.js';
import { withIsSaved } from '../listings/saved.js';
import { searchCursor, searchPage } from '../listings/search.js';
import { postCardSelect, postPageSelect } from '../listings/select.js';
import { documented } from '../procedure-meta.js';
import { alertSender, queueAlerts } from '../saved-searches/alerts.js';
import {
  boundsSchema,
  checkPriceRange,
  postCreateInput,
  postIdInput,
  postUpdateInput,
  SEARCH_SORTS,
  searchFilterShape,
  usernameField,
} from '../schemas/index.js';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';
import { assertDemoImagesExist, assertUsableImages, deleteFiles, notYourPhotos, releaseUnused, uploadIds } from '../uploads/usage.js';

export const postSearchInput = z
  .object({
    ...searchFilterShape,
    sort: z.enum(SEARCH_SORTS, { error: 'Sort by newest, price_asc or price_desc' }).default('newest'),
    limit: z.number().int().min(1).max(50).default(24),
    cursor: searchCursor.optional(),
  })
  .superRefine(checkPriceRange)
  .superRefine((input, ctx) => {
    if (input.cursor && input.cursor.s !== input.sort) {
      ctx.addIssue({ code: 'custom', message: 'Invalid cursor: it belongs to another sort order', path: ['cursor'] });
    }
  });

export const mapClustersInput = z
  .object({
    ...searchFilterShape,
    bounds: boundsSchema,
    zoom: z.number().int().min(0, 'Zoom is from 0 to 22').max(22, 'Zoom is from 0 to 22'),
  })
  .superRefine(checkPriceRange);

const NOT_FOUND_MESSAGE = 'This listing does not exist or was removed';
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: NOT_FOUND_MESSAGE });

/** The listing, if it exists and `userId` owns it: NOT_FOUND or FORBIDDEN otherwise. */
async function ownedPost(tx: Prisma.TransactionClient, id: string, userId: string) {
  const post = await tx.post.findUnique({ where: { id }, select: { userId: true, images: true, postDetail: { select: { id: true } } } });
  if (!post) throw notFound();
  if (post.userId !== userId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Only the lister can change or delete this listing.' });
  return post;
}

/** A listing deleted by a concurrent request between our check and our write. */
function rethrowVanished(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw notFound();
  throw error;
}

/** A newest-first page of one lister's listings, as cards. */
async function listingsOf(ctx: Context, userId: string, input: { limit: number; cursor?: { createdAt: Date; id: string } | undefined }) {
  const rows = await ctx.prisma.post.findMany({
    where: { userId, ...afterCursor(input.cursor) },
    orderBy: [...newestFirst],
    take: input.limit + 1,
    select: postCardSelect,
  });
  const page = pageOf('listings', rows, input.limit, newestPositionOf);
  return { ...page, items: await withIsSaved(ctx, page.items) };
}

// Who may call these and the errors they raise themselves, for the procedure reference (docs/procedures.md).
const byIdProcedure = publicProcedure.meta(documented({ errors: { NOT_FOUND: 'no such listing' } }));
const byUserProcedure = publicProcedure.meta(documented({ errors: { NOT_FOUND: 'no user with this username' } }));
const createProcedure = protectedProcedure.meta(
  documented({
    errors: {
      BAD_REQUEST: 'also a photo that is neither an upload of yours nor a demo picture (`data.field`: `images`)',
      TOO_MANY_REQUESTS: 'too many new listings: `data.retryAfterSeconds` says when to post again',
    },
  }),
);
const updateProcedure = protectedProcedure.meta(
  documented({
    access: "the listing's lister",
    errors: {
      NOT_FOUND: 'no such listing',
      FORBIDDEN: 'not the lister',
      BAD_REQUEST: 'also a new photo that is not an upload of yours (`data.field`: `images`)',
    },
  }),
);
const deleteProcedure = protectedProcedure.meta(
  documented({ access: "the listing's lister", errors: { NOT_FOUND: 'no such listing', FORBIDDEN: 'not the lister' } }),
);

export const postRouter = router({
  /** Every filter optional and combinable; keyset pages in every sort; the total counted up to 10,000. */
  search: publicProcedure.input(postSearchInput).query(({ ctx, input }) => searchPage(sqlFor(ctx.prisma), input, ctx.user?.id ?? null)),

  /** Every matching home in a map view: clusters with counts, or single homes when zoomed in. */
  mapClusters: publicProcedure.input(mapClustersInput).query(({ ctx, input }) => {
    const { zoom, ...filters } = input;
    return mapClusters(sqlFor(ctx.prisma), filters, zoom);
  }),

  /** Cities that start with `prefix` (any letter case), most listings first, with their counts. */
  cities: publicProcedure
    .input(z.object({ prefix: z.string().trim().max(100).default(''), limit: z.number().int().min(1).max(20).default(8) }))
    .query(async ({ ctx, input }) => {
      const escaped = input.prefix.toLowerCase().replace(/[\\%_]/g, '\\$&');
      return ctx.prisma.city.findMany({
        where: { key: { startsWith: escaped } },
        orderBy: [{ count: 'desc' }, { key: 'asc' }],
        take: input.limit,
        select: { name: true, count: true },
      });
    }),

  byId: byIdProcedure.input(postIdInput).query(async ({ ctx, input }) => {
    const post = await ctx.prisma.post.findUnique({ where: { id: input.id }, select: postPageSelect });
    if (!post) throw notFound();
    const { userId, ...shown } = post;
    const [withSaved] = await withIsSaved(ctx, [shown]);
    return { ...(withSaved ?? { ...shown, isSaved: false }), isMine: ctx.user?.id === userId };
  }),

  /** My listings, newest first. */
  mine: protectedProcedure
    .input(z.object(pageInput('listings')).default({ limit: 24 }))
    .query(({ ctx, input }) => listingsOf(ctx, ctx.user.id, input)),

  /** A lister's listings for their public profile, newest first. */
  byUser: byUserProcedure.input(z.object({ username: usernameField, ...pageInput('listings') })).query(async ({ ctx, input }) => {
    const user = await ctx.prisma.user.findUnique({ where: { username: input.username }, select: { id: true } });
    if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'No user with this username.' });
    return listingsOf(ctx, user.id, input);
  }),

  create: createProcedure.input(postCreateInput).mutation(async ({ ctx, input }) => {
    await hit(ctx.prisma, `listing:user:${ctx.user.id}`, ctx.rateLimits.listings, ctx.now());
    assertDemoImagesExist(input.images, 'images');
    const id = await insertListing(sqlFor(ctx.prisma), ctx.user.id, input, ctx.now());
    if (!id) throw notYourPhotos('images');
    // Not awaited: the alerts go out after the answer.
    void alertSender(ctx.prisma).kick(ctx.now, ctx.log);
    return { id };
  }),

  update: updateProcedure.input(postUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, detail, ...fields } = input;
    await ctx.prisma
      .$transaction(async (tx) => {
        const post = await ownedPost(tx, id, ctx.user.id);
        // Photos already on the listing stay usable (demo listings' pictures, say); new ones must be the lister's.
        if (fields.images)
          await assertUsableImages(
            tx,
            ctx.user.id,
            fields.images.filter((url) => !post.images.includes(url)),
            'images',
          );
        if (detail && !post.postDetail && detail.desc === undefined) {
          throw fieldError('BAD_REQUEST', 'detail.desc', 'Describe the home');
        }
        await tx.post.update({
          where: { id },
          data: {
            ...fields,
            ...(fields.city !== undefined && { cityKey: fields.city.toLowerCase() }),
            ...(detail && { postDetail: { upsert: { update: detail, create: { desc: '', ...detail } } } }),
          },
          select: { id: true },
        });
        // A change can make it match searches it did not match before.
        await queueAlerts(tx, id, ctx.now());
      })
      .catch(rethrowVanished);
    void alertSender(ctx.prisma).kick(ctx.now, ctx.log);
    return { id };
  }),

  /** Removes the listing with its details and saves; chats about it stay. Its photos go once nothing else uses them. */
  delete: deleteProcedure.input(postIdInput).mutation(async ({ ctx, input }) => {
    const released = await ctx.prisma
      .$transaction(async (tx) => {
        const post = await ownedPost(tx, input.id, ctx.user.id);
        await tx.post.delete({ where: { id: input.id }, select: { id: true } });
        return releaseUnused(tx, uploadIds(post.images));
      })
      .catch(rethrowVanished);
    await deleteFiles(ctx.storage, released, ctx.log);
    return { deleted: true };
  }),
});
