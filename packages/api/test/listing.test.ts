import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createPost, fieldErrors, newListing, registered } from './helpers.js';

// Listing a home through the procedures: every validation rule, ownership of changes, what
// deleting removes, and the lister's pages.

const NO_SUCH_ID = '01900000-0000-7000-8000-000000000000';

describe.each(testDbKinds())('listings on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  describe('post.create', () => {
    it('writes the listing and its details for the signed-in lister', async () => {
      const { browser: lister, user } = await registered(db.prisma);
      const { id } = await lister.call((api) => api.post.create(newListing({ city: '  Boise  ' })));
      const stored = await db.prisma.post.findUniqueOrThrow({ where: { id }, include: { postDetail: true } });
      expect(stored).toMatchObject({ userId: user.id, title: 'Bright loft by the river', city: 'Boise', cityKey: 'boise', price: 2100 });
      expect(stored.postDetail).toMatchObject({ desc: 'Big windows over the river.', size: 70, pet: 'Cats welcome', utilities: null });
      const page = await lister.call((api) => api.post.byId({ id }));
      expect(page).toMatchObject({ isMine: true, isSaved: false, user: { username: user.username } });
    });

    it('explains every invalid field, by its path', async () => {
      const { browser: lister, user } = await registered(db.prisma);
      const invalid = newListing({
        title: 'Flat',
        price: 12.5,
        images: [],
        address: '   ',
        city: 'x'.repeat(101),
        bedroom: 51,
        bathroom: -1,
        latitude: 91,
        longitude: -181,
        type: 'lease',
        property: 'castle',
        detail: { desc: '', size: 0, school: -5, utilities: 'u'.repeat(201) },
      });
      expect(await fieldErrors(lister.call((api) => api.post.create(invalid as never)))).toEqual({
        title: ['At least 5 characters'],
        price: ['Price must be a whole number'],
        images: ['Add at least one photo'],
        address: ['Enter the street address'],
        city: ['At most 100 characters'],
        bedroom: ['Bedrooms must be at most 50'],
        bathroom: ['Bathrooms must be at least 0'],
        latitude: ['Latitude is from -90 to 90'],
        longitude: ['Longitude is from -180 to 180'],
        type: ['Choose buy or rent'],
        property: ['Choose apartment, house, condo or land'],
        'detail.desc': ['Describe the home'],
        'detail.size': ['Size must be at least 1'],
        'detail.school': ['Distance must be at least 0'],
        'detail.utilities': ['At most 200 characters'],
      });
      expect(await fieldErrors(lister.call((api) => api.post.create(newListing({ price: 0, title: 't'.repeat(121) }))))).toEqual({
        price: ['Price must be at least 1'],
        title: ['At most 120 characters'],
      });
      const many = Array.from({ length: 21 }, (_, i) => `/images/demo/house-${(i % 6) + 1}.svg`);
      expect(await fieldErrors(lister.call((api) => api.post.create(newListing({ images: many }))))).toEqual({
        images: ['At most 20 photos'],
      });
      const twice = ['/images/demo/house-1.svg', '/images/demo/house-1.svg'];
      expect(await fieldErrors(lister.call((api) => api.post.create(newListing({ images: twice }))))).toEqual({
        images: ['Each photo can appear only once'],
      });
      expect(
        await fieldErrors(
          lister.call((api) => api.post.create(newListing({ images: ['https://example.com/a.jpg', 'javascript:alert(1)'] }))),
        ),
      ).toEqual({ 'images.0': ['Use a photo uploaded to Estate'], 'images.1': ['Use a photo uploaded to Estate'] });
      // Columns the form does not have cannot be written.
      expect(await fieldErrors(lister.call((api) => api.post.create({ ...newListing(), userId: NO_SUCH_ID } as never)))).toEqual({
        '': [expect.stringMatching(/Unrecognized key/)],
      });
      expect(await db.prisma.post.count({ where: { userId: user.id } })).toBe(0);
    });

    it('refuses a demo picture that does not exist, naming the field', async () => {
      const { browser: lister } = await registered(db.prisma);
      await expect(lister.call((api) => api.post.create(newListing({ images: ['/images/demo/castle-9.svg'] })))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { field: 'images' },
      });
    });

    it('stores descriptions as plain text with no markup a browser could run', async () => {
      const { browser: lister } = await registered(db.prisma);
      const desc = 'Sunny <script>alert(1)</script>rooms <img src=x onerror=alert(2)>and a <<b>script>garden.\r\nSecond line & more';
      const { id } = await lister.call((api) =>
        api.post.create(newListing({ title: '<b>Bold</b> villa', detail: { desc, income: '<a href="javascript:x">3× rent</a>' } })),
      );
      const page = await browser(db.prisma).call((api) => api.post.byId({ id }));
      expect(page.title).toBe('Bold villa');
      expect(page.postDetail?.desc).toBe('Sunny alert(1)rooms and a garden.\nSecond line & more');
      expect(page.postDetail?.income).toBe('3× rent');
      expect(JSON.stringify(page)).not.toMatch(/<[a-z/!?]/i);
    });

    it('needs a signed-in user on this site', async () => {
      await expect(browser(db.prisma).call((api) => api.post.create(newListing()))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const { browser: lister } = await registered(db.prisma);
      const evil = browser(db.prisma, { origin: 'https://evil.example' });
      evil.cookie = lister.cookie;
      await expect(evil.call((api) => api.post.create(newListing()))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('limits how many listings one user posts in an hour', async () => {
      const { browser: lister } = await registered(db.prisma, { rateLimits: { listings: { max: 2, windowMs: 3_600_000 } } });
      await lister.call((api) => api.post.create(newListing()));
      await lister.call((api) => api.post.create(newListing()));
      await expect(lister.call((api) => api.post.create(newListing()))).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    });
  });

  describe('post.update', () => {
    it('lets the lister change any field, images and details included', async () => {
      const { browser: lister } = await registered(db.prisma);
      const { id } = await lister.call((api) => api.post.create(newListing()));
      await lister.call((api) =>
        api.post.update({
          id,
          price: 1950,
          city: 'Meridian',
          images: ['/images/demo/living-1.svg'],
          detail: { desc: 'Now with a balcony.', pet: null, school: 400 },
        }),
      );
      const page = await lister.call((api) => api.post.byId({ id }));
      expect(page).toMatchObject({
        price: 1950,
        city: 'Meridian',
        images: ['/images/demo/living-1.svg'],
        title: 'Bright loft by the river',
      });
      expect(page.postDetail).toMatchObject({ desc: 'Now with a balcony.', pet: null, school: 400, size: 70 });
      const found = await browser(db.prisma).call((api) => api.post.search({ city: 'meridian' }));
      expect(found.items.map((item) => item.id)).toContain(id);
    });

    it('adds details to a listing that had none, given a description', async () => {
      const { browser: lister, user } = await registered(db.prisma);
      const bare = await createPost(db.prisma, user.id);
      await expect(lister.call((api) => api.post.update({ id: bare.id, detail: { size: 50 } }))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        cause: { field: 'detail.desc' },
      });
      await lister.call((api) => api.post.update({ id: bare.id, detail: { desc: 'Small and cosy.', size: 50 } }));
      expect(await db.prisma.postDetail.findUnique({ where: { postId: bare.id } })).toMatchObject({ desc: 'Small and cosy.', size: 50 });
    });

    it('is refused to anyone but the lister, and for a missing listing', async () => {
      const { browser: lister } = await registered(db.prisma);
      const { browser: other } = await registered(db.prisma);
      const { id } = await lister.call((api) => api.post.create(newListing()));
      await expect(other.call((api) => api.post.update({ id, price: 1 }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(browser(db.prisma).call((api) => api.post.update({ id, price: 1 }))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(lister.call((api) => api.post.update({ id: NO_SUCH_ID, price: 1 }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(lister.call((api) => api.post.update({ id }))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/Change at least one field/),
      });
      expect((await db.prisma.post.findUniqueOrThrow({ where: { id } })).price).toBe(2100);
    });
  });

  describe('post.delete', () => {
    it('removes the listing, its details and every save of it; chats about it stay', async () => {
      const { browser: lister, user } = await registered(db.prisma);
      const { browser: saver, user: buyer } = await registered(db.prisma);
      const { id } = await lister.call((api) => api.post.create(newListing()));
      await saver.call((api) => api.savedPost.toggle({ postId: id, saved: true }));
      const chat = await db.prisma.chat.create({
        data: {
          postId: id,
          members: { create: [{ userId: user.id }, { userId: buyer.id }] },
          messages: { create: { text: 'Still free?', senderId: buyer.id } },
        },
      });

      await expect(saver.call((api) => api.post.delete({ id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await db.prisma.post.count({ where: { id } })).toBe(1);

      expect(await lister.call((api) => api.post.delete({ id }))).toEqual({ deleted: true });
      expect(await db.prisma.post.count({ where: { id } })).toBe(0);
      expect(await db.prisma.postDetail.count({ where: { postId: id } })).toBe(0);
      expect(await db.prisma.savedPost.count({ where: { postId: id } })).toBe(0);
      const kept = await db.prisma.chat.findUniqueOrThrow({ where: { id: chat.id }, include: { messages: true } });
      expect(kept.postId).toBeNull();
      expect(kept.messages.map((message) => message.text)).toEqual(['Still free?']);

      await expect(lister.call((api) => api.post.byId({ id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(lister.call((api) => api.post.delete({ id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe("a lister's listings", () => {
    it('pages through mine and a profile newest first, each exactly once', async () => {
      const { browser: lister, user } = await registered(db.prisma);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await createPost(db.prisma, user.id, { createdAt: new Date(Date.UTC(2026, 0, 1 + i)) })).id);
      const { user: someoneElse } = await registered(db.prisma);
      await createPost(db.prisma, someoneElse.id);

      const pages = async (
        fetchPage: (cursor: string | undefined) => Promise<{ items: Array<{ id: string }>; nextCursor: string | null }>,
      ) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await fetchPage(cursor);
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return seen;
      };
      expect(await pages((cursor) => lister.call((api) => api.post.mine({ limit: 2, cursor })))).toEqual([...ids].reverse());
      const visitor = browser(db.prisma);
      expect(await pages((cursor) => visitor.call((api) => api.post.byUser({ username: user.username, limit: 2, cursor })))).toEqual(
        [...ids].reverse(),
      );

      await expect(visitor.call((api) => api.post.mine({}))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(visitor.call((api) => api.post.byUser({ username: 'nobody_here' }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // A cursor of another list, or a tampered one, is refused rather than misread.
      const search = await visitor.call((api) => api.post.search({ limit: 1 }));
      await expect(
        visitor.call((api) => api.post.byUser({ username: user.username, cursor: search.nextCursor ?? '' })),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Invalid cursor/) });
      await expect(lister.call((api) => api.post.mine({ cursor: 'eyJrIjoibGlzdGluZ3MifQ' }))).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    });
  });
});
