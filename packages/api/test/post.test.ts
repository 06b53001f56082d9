import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousCaller, createPost, createUser } from './helpers.js';

describe.each(testDbKinds())('post procedures on %s', (kind) => {
  let db: Db;
  let caller: Awaited<ReturnType<typeof anonymousCaller>>;
  let userId: string;

  beforeAll(async () => {
    db = await createTestDb(kind);
    caller = await anonymousCaller(db.prisma);
    userId = (await createUser(db.prisma, { username: 'lister' })).id;
  });
  afterAll(() => db.close());

  /** Posts created one millisecond apart so "newest first" has a defined order. */
  async function createPosts(count: number, overrides: Parameters<typeof createPost>[2] = {}) {
    const base = Date.parse('2026-06-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push((await createPost(db.prisma, userId, { ...overrides, createdAt: new Date(base + i * 1000) })).id);
    }
    return ids;
  }

  it('search filters by city case-insensitively, type and price range, newest first', async () => {
    const [oldCheap, newCheap] = await createPosts(2, { city: 'Tacoma', type: 'rent', price: 900 });
    await createPosts(1, { city: 'Tacoma', type: 'buy', price: 900 });
    await createPosts(1, { city: 'Tacoma', type: 'rent', price: 5000 });
    await createPosts(1, { city: 'Tacoma Heights', type: 'rent', price: 900 });

    const { items, nextCursor } = await caller.post.search({ city: '  tAcOmA ', type: 'rent', maxPrice: 1000 });
    expect(items.map((item) => item.id)).toEqual([newCheap, oldCheap]);
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({ city: 'Tacoma', type: 'rent', price: 900, images: ['/images/demo/a.svg', '/images/demo/b.svg'] });

    const atLeast = await caller.post.search({ city: 'tacoma', minPrice: 1000 });
    expect(atLeast.items.map((item) => item.price)).toEqual([5000]);
  });

  it('pages through every match exactly once with the cursor', async () => {
    const ids = await createPosts(7, { city: 'Olympia' });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.post.search({ city: 'Olympia', limit: 3, cursor });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('keeps pages stable when rows share a timestamp', async () => {
    const sameTime = new Date('2026-07-01T00:00:00Z');
    for (let i = 0; i < 5; i++) await createPost(db.prisma, userId, { city: 'Salem', createdAt: sameTime });
    const first = await caller.post.search({ city: 'Salem', limit: 2 });
    const second = await caller.post.search({ city: 'Salem', limit: 2, cursor: first.nextCursor ?? undefined });
    const third = await caller.post.search({ city: 'Salem', limit: 2, cursor: second.nextCursor ?? undefined });
    const all = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(new Set(all).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('returns an empty page for a city with no listings', async () => {
    expect(await caller.post.search({ city: 'Nowhere' })).toEqual({ items: [], nextCursor: null });
  });

  it('rejects bad input with field messages', async () => {
    const error = await caller.post.search({ minPrice: 500, maxPrice: 100 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.post.search({ minPrice: -1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/negative/),
    });
    await expect(caller.post.search({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/Invalid cursor/),
    });
    await expect(caller.post.search({ limit: 500 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // @ts-expect-error an unknown type is refused before it reaches the database
    await expect(caller.post.search({ type: 'lease' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('byId returns the listing with its details and the lister, never private fields', async () => {
    const post = await createPost(db.prisma, userId, { postDetail: { create: { desc: 'Light and quiet', size: 70, school: 400 } } });
    const found = await caller.post.byId({ id: post.id });
    expect(found).toMatchObject({
      id: post.id,
      title: 'Sunny flat',
      postDetail: { desc: 'Light and quiet', size: 70, school: 400 },
      user: { username: 'lister' },
    });
    expect(Object.keys(found.user).sort()).toEqual(['avatar', 'username']);
  });

  it('byId answers NOT_FOUND for a missing listing and BAD_REQUEST for a malformed id', async () => {
    await expect(caller.post.byId({ id: '01900000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.post.byId({ id: 'not-an-id' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('health.check answers when the database does', async () => {
    expect(await caller.health.check()).toMatchObject({ status: 'ok' });
  });
});
