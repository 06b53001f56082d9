import type { PrismaClient } from '../client.js';
import { type DemoBatch, defaultUserCount, generateDemo } from './generate.js';
import { demoTables, type InsertTiming, insertBatch } from './insert.js';

export { cities, type DemoCity } from './cities.js';
export {
  DEFAULT_SEED,
  DEMO_EMAIL,
  DEMO_NOW,
  type DemoBatch,
  defaultUserCount,
  type GenerateOptions,
  generateDemo,
} from './generate.js';
export { DEMO_IMAGE_URL_PREFIX, demoImageFiles, demoImagesDir } from './images.js';
export type { DemoTable, InsertTiming } from './insert.js';
export { plausiblePriceRange } from './pricing.js';

/** Every demo account's password. */
export const DEMO_PASSWORD = 'estate-demo';

export interface SeedProgress {
  /** `analyse`: the statistics the query planner needs, gathered once everything is written. */
  phase: 'users' | 'posts' | 'analyse';
  done: number;
  total: number;
}

export interface SeedOptions {
  posts: number;
  /** Defaults to about one per 20 posts (at least 10, at most 50,000). */
  users?: number;
  /** Same seed and options, same rows (ids and timestamps included). Defaults to 1. */
  seed?: number;
  /** The hash of DEMO_PASSWORD, made once by the caller (hashing is deliberately slow). */
  passwordHash: string;
  /** Posts (or users) per batch; each batch is written in one transaction. */
  batchSize?: number;
  /**
   * Batches of posts written at once, each on its own connection: 2 is about 20% faster than 1
   * on a 2-core PostgreSQL server. PGlite has a single connection: leave it at 1 there.
   */
  concurrency?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Called after each table's part of a batch is written (benchmarks). */
  onInsert?: (timing: InsertTiming) => void;
}

export interface SeedSummary {
  users: number;
  posts: number;
  savedPosts: number;
  chats: number;
  messages: number;
}

/**
 * Fills the database with generated demo data: users, then posts with their details,
 * saves and chats. Addresses and usernames already taken are avoided, so a database that
 * has users can take more (with a different seed: the same seed makes the same ids).
 */
export async function seedDemo(prisma: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  const users = options.users ?? defaultUserCount(options.posts);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer (got ${concurrency})`);
  const existing = await prisma.user.findMany({ select: { email: true, username: true } });
  const batches = generateDemo({
    posts: options.posts,
    users,
    passwordHash: options.passwordHash,
    taken: { emails: existing.map((user) => user.email), usernames: existing.map((user) => user.username) },
    ...(options.seed !== undefined && { seed: options.seed }),
    ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
  });

  const summary: SeedSummary = { users: 0, posts: 0, savedPosts: 0, chats: 0, messages: 0 };
  const report = (phase: SeedProgress['phase']) =>
    options.onProgress?.(
      phase === 'users' ? { phase, done: summary.users, total: users } : { phase, done: summary.posts, total: options.posts },
    );

  const write = async (batch: DemoBatch) => {
    // One transaction per batch: an interrupted run leaves whole batches, never a post without its chats.
    await prisma.$transaction((tx) => insertBatch(tx, batch, options.onInsert), { maxWait: 60_000, timeout: 300_000 });
    summary.users += batch.users.length;
    summary.posts += batch.posts.length;
    summary.savedPosts += batch.savedPosts.length;
    summary.chats += batch.chats.length;
    summary.messages += batch.messages.length;
    report(batch.posts.length > 0 ? 'posts' : 'users');
  };

  report('users');
  const writing = new Set<Promise<void>>();
  let postsStarted = false;
  try {
    for (const batch of batches) {
      if (batch.posts.length > 0 && !postsStarted) {
        await Promise.all(writing); // every user is in before the first post that may refer to them
        postsStarted = true;
        report('posts');
      }
      while (writing.size >= (postsStarted ? concurrency : 1)) await Promise.race(writing);
      const written: Promise<void> = write(batch).finally(() => writing.delete(written));
      writing.add(written);
    }
    await Promise.all(writing);
  } finally {
    await Promise.allSettled(writing); // after a failure, let the other batches finish before reporting it
  }
  // A bulk load leaves the planner without statistics (a filtered search at 1M listings took
  // 240 ms instead of 10) and index-only scans without a visibility map: gather both now.
  options.onProgress?.({ phase: 'analyse', done: 0, total: 1 });
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE ${demoTables.map(([, insert]) => `"${insert.table}"`).join(', ')}`);
  // The counts the triggers keep are rewritten once per listing: after 1M listings MapCell held
  // 207k rows in 232 MB, and a map of the whole country read all of it (131 ms p95; 12 ms once
  // compacted to 18 MB). They are small when compact, so rewriting them takes seconds.
  await prisma.$executeRawUnsafe('VACUUM FULL ANALYZE "City", "MapCell", "MapPriceCell"');
  options.onProgress?.({ phase: 'analyse', done: 1, total: 1 });
  return summary;
}
