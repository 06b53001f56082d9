import type { PrismaClient } from '../client.js';
import { defaultUserCount, generateDemo } from './generate.js';
import { type InsertTiming, insertBatch } from './insert.js';

export { type City, cities } from './cities.js';
export {
  DEFAULT_SEED,
  DEMO_NOW,
  type DemoBatch,
  defaultUserCount,
  type GenerateOptions,
  generateDemo,
} from './generate.js';
export { DEMO_IMAGE_URL_PREFIX, demoImageFiles, demoImagesDir } from './images.js';
export type { DemoTable, InsertTiming } from './insert.js';
export { plausiblePriceRange } from './pricing.js';

/** Every demo account's password (the README tells visitors to sign in as demo@example.com with it). */
export const DEMO_PASSWORD = 'estate-demo';

export interface SeedProgress {
  phase: 'users' | 'posts';
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

  report('users');
  for (const batch of batches) {
    const phase = batch.posts.length > 0 ? 'posts' : 'users';
    if (phase === 'posts' && summary.posts === 0) report('posts');
    // One transaction per batch: an interrupted run leaves whole batches, never a post without its chats.
    await prisma.$transaction((tx) => insertBatch(tx, batch, options.onInsert), { maxWait: 60_000, timeout: 300_000 });
    summary.users += batch.users.length;
    summary.posts += batch.posts.length;
    summary.savedPosts += batch.savedPosts.length;
    summary.chats += batch.chats.length;
    summary.messages += batch.messages.length;
    report(phase);
  }
  return summary;
}
