import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createPost, registered } from './helpers.js';

// Saving homes: the toggle under repeated and concurrent calls, the saved list, and
// `isSaved` wherever a listing is shown.

describe.each(testDbKinds())('saved homes on %s', (kind) => {
  let db: Db;
  let listerId: string;
  beforeAll(async () => {
    db = await createTestDb(kind);
    listerId = (await registered(db.prisma)).user.id;
  });
  afterAll(() => db.close());

  it('saves and unsaves, and shows it on the listing, in search and on profiles', async () => {
    const { browser: saver } = await registered(db.prisma);
    const post = await createPost(db.prisma, listerId, { city: 'Savannah' });
    const lister = await db.prisma.user.findUniqueOrThrow({ where: { id: listerId } });
    const isSavedEverywhere = async () => [
      (await saver.call((api) => api.post.byId({ id: post.id }))).isSaved,
      (await saver.call((api) => api.post.search({ city: 'savannah' }))).items[0]?.isSaved,
      (await saver.call((api) => api.post.byUser({ username: lister.username }))).items.find((item) => item.id === post.id)?.isSaved,
    ];

    expect(await isSavedEverywhere()).toEqual([false, false, false]);
    expect(await saver.call((api) => api.savedPost.toggle({ postId: post.id }))).toEqual({ saved: true });
    expect(await isSavedEverywhere()).toEqual([true, true, true]);
    // Signed out, or someone else: not saved.
    expect((await browser(db.prisma).call((api) => api.post.byId({ id: post.id }))).isSaved).toBe(false);
    const { browser: other } = await registered(db.prisma);
    expect((await other.call((api) => api.post.search({ city: 'savannah' }))).items[0]?.isSaved).toBe(false);

    expect(await saver.call((api) => api.savedPost.toggle({ postId: post.id }))).toEqual({ saved: false });
    expect(await isSavedEverywhere()).toEqual([false, false, false]);
  });

  it('lands on the state asked for however often it is sent, with one row at most', async () => {
    const { browser: saver, user } = await registered(db.prisma);
    const post = await createPost(db.prisma, listerId);
    const rows = () => db.prisma.savedPost.count({ where: { userId: user.id, postId: post.id } });

    // A double click, and many tabs at once, all asking to save.
    const saves = await Promise.all(
      Array.from({ length: 8 }, () => saver.call((api) => api.savedPost.toggle({ postId: post.id, saved: true }))),
    );
    expect(saves).toEqual(Array(8).fill({ saved: true }));
    expect(await rows()).toBe(1);
    const unsaves = await Promise.all(
      Array.from({ length: 4 }, () => saver.call((api) => api.savedPost.toggle({ postId: post.id, saved: false }))),
    );
    expect(unsaves).toEqual(Array(4).fill({ saved: false }));
    expect(await rows()).toBe(0);

    // Plain toggles racing each other: every call answers, and there is never a second row.
    const flips = await Promise.allSettled(Array.from({ length: 9 }, () => saver.call((api) => api.savedPost.toggle({ postId: post.id }))));
    expect(flips.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await rows()).toBeLessThanOrEqual(1);
  });

  it('answers NOT_FOUND for a missing listing and UNAUTHORIZED when signed out', async () => {
    const { browser: saver } = await registered(db.prisma);
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const saved of [undefined, true, false]) {
      await expect(saver.call((api) => api.savedPost.toggle({ postId: missing, saved }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(saver.call((api) => api.savedPost.toggle({ postId: 'nope' }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const post = await createPost(db.prisma, listerId);
    await expect(browser(db.prisma).call((api) => api.savedPost.toggle({ postId: post.id }))).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(browser(db.prisma).call((api) => api.savedPost.list({}))).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lists my saved homes most recently saved first, page by page, and only mine', async () => {
    const { browser: saver } = await registered(db.prisma);
    const { browser: other } = await registered(db.prisma);
    const posts = [];
    for (let i = 0; i < 5; i++) posts.push(await createPost(db.prisma, listerId, { title: `Home number ${i}` }));
    // Saved in an order unlike the listings' own.
    const order = [posts[3], posts[0], posts[4], posts[1], posts[2]].map((post) => post?.id ?? '');
    for (const postId of order) await saver.call((api) => api.savedPost.toggle({ postId, saved: true }));
    await other.call((api) => api.savedPost.toggle({ postId: order[0] ?? '', saved: true }));

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await saver.call((api) => api.savedPost.list({ limit: 2, cursor }));
      for (const item of page.items) expect(item).toMatchObject({ isSaved: true, savedAt: expect.any(Date), title: expect.any(String) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...order].reverse());

    // Deleting a listing removes it from every saved list.
    await db.prisma.post.delete({ where: { id: order[4] ?? '' } });
    expect((await saver.call((api) => api.savedPost.list({}))).items.map((item) => item.id)).toEqual(order.slice(0, 4).reverse());
  });
});
