import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/client.js';
import {
  cities,
  DEMO_IMAGE_URL_PREFIX,
  DEMO_NOW,
  type DemoBatch,
  demoImageFiles,
  demoImagesDir,
  type GenerateOptions,
  generateDemo,
  plausiblePriceRange,
  seedDemo,
} from '../src/seed/index.js';
import { createTestDb, testDbKinds } from '../src/testing.js';

// zod's z.uuid() accepts versions 1–8 with the RFC variant; the generator makes version 7.
const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DAY = 86_400_000;
const options = { posts: 300, seed: 42, passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$demo$hash' } as const;

/** All batches of a generation, concatenated table by table. */
function generateAll(generate: GenerateOptions): DemoBatch {
  const all: DemoBatch = { users: [], posts: [], postDetails: [], savedPosts: [], chats: [], chatMembers: [], messages: [] };
  for (const batch of generateDemo(generate)) {
    for (const table of Object.keys(all) as (keyof DemoBatch)[]) (all[table] as object[]).push(...batch[table]);
  }
  return all;
}

const byId = <Row extends { id: string }>(rows: Row[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const byMember = <Row extends { chatId: string; userId: string }>(rows: Row[]) =>
  [...rows].sort((a, b) => (a.chatId + a.userId < b.chatId + b.userId ? -1 : 1));

/** Every demo row, in a stable order (PostgreSQL sorts uuids as their lower-case text sorts). */
async function readAll(prisma: PrismaClient): Promise<DemoBatch> {
  return {
    users: await prisma.user.findMany({ orderBy: { id: 'asc' } }),
    posts: await prisma.post.findMany({ orderBy: { id: 'asc' } }),
    postDetails: await prisma.postDetail.findMany({ orderBy: { id: 'asc' } }),
    savedPosts: await prisma.savedPost.findMany({ orderBy: { id: 'asc' } }),
    chats: await prisma.chat.findMany({ orderBy: { id: 'asc' } }),
    chatMembers: await prisma.chatMember.findMany({ orderBy: [{ chatId: 'asc' }, { userId: 'asc' }] }),
    messages: await prisma.message.findMany({ orderBy: { id: 'asc' } }),
  };
}

/** Kilometres between two points (haversine). */
function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** The time a UUIDv7 carries. */
const uuidTime = (id: string) => Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('demo data generation', () => {
  it('is deterministic: the same seed gives exactly the same batches', () => {
    expect([...generateDemo(options)]).toEqual([...generateDemo(options)]);
  });

  it('gives different data for a different seed', () => {
    const a = generateAll(options);
    const b = generateAll({ ...options, seed: 43 });
    expect(b.posts.map((post) => post.id)).not.toEqual(a.posts.map((post) => post.id));
    expect(b.posts.map((post) => post.title)).not.toEqual(a.posts.map((post) => post.title));
    expect(b.users.map((user) => user.username)).not.toEqual(a.users.map((user) => user.username));
  });

  it('does not depend on the batch size', () => {
    expect(generateAll({ ...options, batchSize: 7 })).toEqual(generateAll({ ...options, batchSize: 1_000 }));
  });

  it('keeps batches to the batch size, users first', () => {
    const batches = [...generateDemo({ ...options, batchSize: 64 })];
    for (const batch of batches) expect(Math.max(batch.users.length, batch.posts.length)).toBeLessThanOrEqual(64);
    const firstPostBatch = batches.findIndex((batch) => batch.posts.length > 0);
    expect(batches.slice(firstPostBatch).every((batch) => batch.users.length === 0)).toBe(true);
  });

  it('defaults to one user per 20 posts, at least 10', () => {
    expect(generateAll({ ...options, posts: 100 }).users).toHaveLength(10);
    expect(generateAll({ ...options, posts: 400 }).users).toHaveLength(20);
  });

  it('rejects counts that are not whole numbers in range', () => {
    expect(() => [...generateDemo({ ...options, posts: -1 })]).toThrow(/posts must be an integer/);
    expect(() => [...generateDemo({ ...options, posts: 1.5 })]).toThrow(/posts must be an integer/);
    expect(() => [...generateDemo({ ...options, users: 1 })]).toThrow(/users must be an integer from 2/);
    expect(() => [...generateDemo({ ...options, seed: 2 ** 32 })]).toThrow(/seed must be an integer/);
  });

  it('avoids addresses and usernames already taken', () => {
    const { users } = generateAll({ ...options, taken: { emails: ['demo@example.com'], usernames: ['demo'] } });
    expect(users[0]).toMatchObject({ username: 'demo2', email: 'demo2@example.com' });
  });

  it('ships every picture it refers to, as self-contained SVG', () => {
    expect(demoImageFiles().length).toBeGreaterThanOrEqual(24);
    for (const file of demoImageFiles()) {
      const image = readFileSync(path.join(demoImagesDir, file), 'utf8');
      expect(image, file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (800 600|400 400)"/);
      expect(image, file).not.toMatch(/<script|href=|on\w+=|@import/i);
      expect(image.replace('http://www.w3.org/2000/svg', ''), file).not.toMatch(/https?:/);
    }
  });
});

describe.each(testDbKinds())('seeding demo data on %s', (kind) => {
  it('writes exactly the generated rows, the same in two databases, and reports their counts', async () => {
    const first = await createTestDb(kind);
    const second = await createTestDb(kind);
    try {
      const progress: { phase: string; done: number; total: number }[] = [];
      const summary = await seedDemo(first.prisma, { ...options, batchSize: 100, onProgress: (p) => progress.push(p) });
      await seedDemo(second.prisma, options);
      const rows = await readAll(first.prisma);
      expect(await readAll(second.prisma)).toEqual(rows);

      const generated = generateAll(options);
      expect(rows).toEqual({
        users: byId(generated.users),
        posts: byId(generated.posts),
        postDetails: byId(generated.postDetails),
        savedPosts: byId(generated.savedPosts),
        chats: byId(generated.chats),
        chatMembers: byMember(generated.chatMembers),
        messages: byId(generated.messages),
      });
      expect(summary).toEqual({
        users: rows.users.length,
        posts: 300,
        savedPosts: rows.savedPosts.length,
        chats: rows.chats.length,
        messages: rows.messages.length,
      });
      expect(summary.users).toBe(15);
      expect(progress).toEqual([
        { phase: 'users', done: 0, total: 15 },
        { phase: 'users', done: 15, total: 15 },
        ...[0, 100, 200, 300].map((done) => ({ phase: 'posts', done, total: 300 })),
        { phase: 'analyse', done: 0, total: 1 },
        { phase: 'analyse', done: 1, total: 1 },
      ]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it.skipIf(kind === 'pglite')('writes the same rows with several batches in flight', async () => {
    const db = await createTestDb(kind);
    try {
      // Several user batches, so posts must wait for the last of them.
      const summary = await seedDemo(db.prisma, { ...options, users: 90, batchSize: 40, concurrency: 3 });
      expect(summary).toMatchObject({ users: 90, posts: 300 });
      const generated = generateAll({ ...options, users: 90 });
      const rows = await readAll(db.prisma);
      expect(rows.posts).toEqual(byId(generated.posts));
      expect(rows.messages).toEqual(byId(generated.messages));
      expect(rows.chatMembers).toEqual(byMember(generated.chatMembers));
    } finally {
      await db.close();
    }
  });

  it('makes data that follows the listing rules', async () => {
    const db = await createTestDb(kind);
    try {
      await seedDemo(db.prisma, options);
      const rows = await readAll(db.prisma);
      const now = DEMO_NOW.getTime();

      for (const table of ['users', 'posts', 'postDetails', 'savedPosts', 'chats', 'messages'] as const) {
        for (const row of rows[table]) expect(row.id, table).toMatch(uuidV7);
      }
      for (const row of [...rows.users, ...rows.posts, ...rows.savedPosts, ...rows.chats, ...rows.messages]) {
        expect(uuidTime(row.id)).toBe(row.createdAt.getTime()); // ids sort by creation time
        expect(row.createdAt.getTime()).toBeLessThanOrEqual(now);
      }

      expect(rows.users.map((user) => user.username)).toContain('demo');
      for (const user of rows.users) {
        expect(user.email).toBe(user.email.toLowerCase());
        expect(user.email).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
        expect(user.username).toMatch(/^[A-Za-z0-9_-]{3,30}$/);
        expect(user.passwordHash).toBe(options.passwordHash);
        if (user.avatar !== null) expect(existsSync(path.join(demoImagesDir, user.avatar.slice(DEMO_IMAGE_URL_PREFIX.length)))).toBe(true);
      }

      const users = new Map(rows.users.map((user) => [user.id, user]));
      const posts = new Map(rows.posts.map((post) => [post.id, post]));
      expect(new Set(rows.posts.map((post) => post.city)).size).toBeGreaterThan(20);
      expect(new Set(rows.posts.map((post) => post.property))).toEqual(new Set(['apartment', 'house', 'condo', 'land']));
      expect(new Set(rows.posts.map((post) => post.bedroom)).size).toBeGreaterThanOrEqual(5);
      for (const post of rows.posts) {
        const city = cities.find((candidate) => candidate.name === post.city);
        expect(city, post.city).toBeDefined();
        if (!city) continue;
        expect(post.cityKey).toBe(post.city.toLowerCase());
        expect(distanceKm(city.latitude, city.longitude, post.latitude, post.longitude)).toBeLessThanOrEqual(city.radiusKm * 1.001);
        const [low, high] = plausiblePriceRange(city, post.type, post.property);
        expect(post.price).toBeGreaterThanOrEqual(low);
        expect(post.price).toBeLessThanOrEqual(high);
        expect(Number.isInteger(post.price)).toBe(true);
        if (post.property === 'land') expect([post.bedroom, post.bathroom, post.type]).toEqual([0, 0, 'buy']);
        else expect(post.bathroom).toBeGreaterThanOrEqual(1);
        expect(post.images.length).toBeGreaterThanOrEqual(3);
        expect(post.images.length).toBeLessThanOrEqual(6);
        for (const image of post.images) {
          expect(image.startsWith(DEMO_IMAGE_URL_PREFIX)).toBe(true);
          expect(existsSync(path.join(demoImagesDir, image.slice(DEMO_IMAGE_URL_PREFIX.length))), image).toBe(true);
        }
        expect(post.createdAt.getTime()).toBeGreaterThanOrEqual(now - 365 * DAY);
        expect(post.updatedAt.getTime()).toBeGreaterThanOrEqual(post.createdAt.getTime());
        expect(post.updatedAt.getTime()).toBeLessThanOrEqual(now);
        expect(users.get(post.userId)?.createdAt.getTime()).toBeLessThanOrEqual(post.createdAt.getTime());
      }

      expect(rows.postDetails.length).toBeGreaterThan(rows.posts.length * 0.8);
      for (const detail of rows.postDetails) {
        expect(detail.desc.split('. ').length).toBeGreaterThanOrEqual(3);
        expect(detail.size).toBeGreaterThan(0);
        for (const distance of [detail.school, detail.bus, detail.restaurant]) expect(distance).toBeGreaterThan(0);
      }

      const saved = new Set<string>();
      for (const save of rows.savedPosts) {
        const key = `${save.userId}/${save.postId}`;
        expect(saved.has(key)).toBe(false);
        saved.add(key);
        expect(posts.get(save.postId)?.userId).not.toBe(save.userId);
        expect(save.createdAt.getTime()).toBeGreaterThanOrEqual(posts.get(save.postId)?.createdAt.getTime() ?? Number.NaN);
      }

      expect(rows.chats.length).toBeGreaterThan(0);
      for (const chat of rows.chats) {
        const members = rows.chatMembers.filter((member) => member.chatId === chat.id);
        const messages = rows.messages.filter((message) => message.chatId === chat.id);
        expect(members).toHaveLength(2);
        const memberIds = new Set(members.map((member) => member.userId));
        expect(memberIds.size).toBe(2);
        expect(memberIds.has(posts.get(chat.postId ?? '')?.userId ?? '')).toBe(true); // the owner is in the chat
        expect(messages.length).toBeGreaterThanOrEqual(2);
        expect(messages.length).toBeLessThanOrEqual(8);
        for (const message of messages) expect(memberIds.has(message.senderId ?? '')).toBe(true);
        const newest = messages.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
        expect(chat.lastMessage).toBe(newest.text);
        expect(chat.lastMessageAt).toEqual(newest.createdAt);
        expect(messages[0]?.createdAt).toEqual(chat.createdAt);
        for (const member of members) {
          expect(member.seenAt).not.toBeNull();
          expect(member.seenAt?.getTime()).toBeGreaterThanOrEqual(member.joinedAt.getTime());
          expect(member.seenAt?.getTime()).toBeLessThanOrEqual(now);
        }
      }
    } finally {
      await db.close();
    }
  });

  it('adds to a database that has demo data, with another seed', async () => {
    const db = await createTestDb(kind);
    try {
      await seedDemo(db.prisma, { ...options, posts: 40 });
      const summary = await seedDemo(db.prisma, { ...options, posts: 40, seed: 7 });
      expect(summary).toMatchObject({ users: 10, posts: 40 });
      expect(await db.prisma.post.count()).toBe(80);
      expect(await db.prisma.user.count({ where: { username: { in: ['demo', 'demo2'] } } })).toBe(2);
    } finally {
      await db.close();
    }
  });
});
