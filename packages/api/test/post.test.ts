import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
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
