// bench:alerts — posting with 100,000 saved searches on PostgreSQL, through the real HTTP
// server: the latency of post.create (its transaction queues the alerts; the matching runs
// after the answer), how long the alerts take to reach subscribers holding chat.events open,
// how many saved searches each new home matched, and EXPLAIN (ANALYZE, BUFFERS) of the match.
//
//   pnpm bench:alerts [--searches 100000] [--listings 100000] [--posts 300] [--rate 5] [--subscribers 500]
//
// The database (estate_bench_alerts) is seeded with demo listings and saved searches on first
// use, then reused; the homes the bench posts are deleted at the end. BENCH_DATABASE_URL names
// the server (default postgresql://postgres@127.0.0.1:5432/postgres). pnpm bench:alerts builds first.

import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { matchingSearchesSql, savedSearchData, setAreas } from '@estate/api';
import type { SearchFilters } from '@estate/api/schemas';
import { createDb, type Db } from '@estate/db';
import pg from 'pg';
import { call, type Person, people, signedIn, subscribe } from './clients.js';
import { estateServer, machine, percentile } from './harness.js';
import { seededDatabase } from './seeded.js';

const { values: args } = parseArgs({
  options: {
    searches: { type: 'string', default: '100000' },
    listings: { type: 'string', default: '100000' },
    posts: { type: 'string', default: '300' },
    /** Homes posted per second. */
    rate: { type: 'string', default: '5' },
    subscribers: { type: 'string', default: '500' },
  },
});
const searches = Number(args.searches);
const listings = Number(args.listings);
const posts = Number(args.posts);
const rate = Number(args.rate);
const subscriberCount = Number(args.subscribers);
const SEARCHES_PER_USER = 10;
/** Each lister stays under the listing limit (30 an hour). */
const LISTINGS_PER_LISTER = 25;
const BENCH_TITLE = 'Bench home';

/** A repeatable sequence of numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Sample {
  city: string;
  latitude: number;
  longitude: number;
  price: number;
  type: 'buy' | 'rent';
  property: 'apartment' | 'house' | 'condo' | 'land';
  bedroom: number;
  title: string;
}

/** Listings drawn at random: what saved searches and new homes are modelled on. */
async function sample(db: Db, n: number): Promise<Sample[]> {
  return db.prisma.$queryRaw<Sample[]>`
    SELECT "city", "latitude", "longitude", "price", "type"::text AS "type", "property"::text AS "property", "bedroom", "title"
    FROM "Post" WHERE "title" NOT LIKE ${`${BENCH_TITLE}%`} ORDER BY random() LIMIT ${n}`;
}

/**
 * Saved searches as people make them, each from a listing they might want: 70% a city (most
 * with buy or rent, a price ceiling near the listing's, some with rooms, a kind of home or a
 * keyword), 25% a map area around it of a neighbourhood to a city's size, 5% anywhere, with
 * narrow filters.
 */
function filtersLike(home: Sample, next: () => number): SearchFilters {
  const roughly = (price: number, factor: number) => Math.max(1, Math.round((price * factor) / 100) * 100);
  const word = home.title
    .split(/\W+/)
    .find((w) => w.length >= 5 && next() < 0.5)
    ?.toLowerCase();
  const kind = next();
  if (kind < 0.7) {
    return {
      city: home.city,
      ...(next() < 0.8 && { type: home.type }),
      ...(next() < 0.7 && { maxPrice: roughly(home.price, 1 + next() * 0.5) }),
      ...(next() < 0.3 && { minPrice: roughly(home.price, 0.5 + next() * 0.4) }),
      ...(next() < 0.5 && { minBedrooms: Math.max(0, home.bedroom - 1) }),
      ...(next() < 0.3 && { property: home.property }),
      ...(next() < 0.1 && word && { q: word }),
    };
  }
  if (kind < 0.95) {
    const half = 0.02 + next() * 0.2;
    return {
      bounds: { south: home.latitude - half, north: home.latitude + half, west: home.longitude - half, east: home.longitude + half },
      ...(next() < 0.8 && { type: home.type }),
      ...(next() < 0.6 && { maxPrice: roughly(home.price, 1 + next() * 0.5) }),
    };
  }
  return {
    type: home.type,
    property: home.property,
    minPrice: roughly(home.price, 0.9),
    maxPrice: roughly(home.price, 1.1),
    minBedrooms: home.bedroom,
    ...(word && { q: word }),
  };
}

/** Adds the saved searches (SEARCHES_PER_USER per new user) unless they are there already. */
async function addSavedSearches(db: Db): Promise<void> {
  const existing = await db.prisma.savedSearch.count();
  if (existing > searches)
    throw new Error(`estate_bench_alerts has ${existing} saved searches, more than ${searches}: drop the database to seed it again`);
  if (existing < searches) await seedSavedSearches(db, existing);
  else console.log(`  ${existing.toLocaleString('en-US')} saved searches, reused`);
  // As autovacuum would in time: statistics, and the visibility map the index-only scans need.
  await db.prisma.$executeRawUnsafe('VACUUM ANALYZE "SavedSearch", "SavedSearchMatch", "ChatEvent"');
}

async function seedSavedSearches(db: Db, existing: number): Promise<void> {
  const started = performance.now();
  const users = Math.ceil(searches / SEARCHES_PER_USER);
  await db.prisma.user.createMany({
    data: Array.from({ length: users }, (_, i) => ({
      email: `seeker${i}@bench.example`,
      username: `seeker${i}`,
      passwordHash: 'not-a-password-hash',
    })),
    skipDuplicates: true,
  });
  const userIds = (await db.prisma.user.findMany({ where: { username: { startsWith: 'seeker' } }, select: { id: true } })).map((u) => u.id);
  const next = random(42);
  const now = new Date();
  const BATCH = 5000;
  // Someone saving the same filters twice keeps one search: draw again until there are enough.
  for (let count = existing, drawn = existing; count < searches; count = await db.prisma.savedSearch.count()) {
    const homes = await sample(db, Math.min(BATCH, searches - count));
    const rows = homes.map((home) => savedSearchData(userIds[drawn++ % users] ?? '', { filters: filtersLike(home, next) }, now));
    await db.prisma.savedSearch.createMany({ data: rows, skipDuplicates: true });
    console.log(`    saved searches ${(count + rows.length).toLocaleString('en-US')}/${searches.toLocaleString('en-US')}`);
  }
  await setAreas(db.prisma);
  const count = await db.prisma.savedSearch.count();
  console.log(
    `  ${count.toLocaleString('en-US')} saved searches of ${users.toLocaleString('en-US')} people in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}

/** A new home like `home`, somewhere near it. */
function newHome(home: Sample, n: number, next: () => number) {
  return {
    title: `${BENCH_TITLE} ${n}: ${home.title}`.slice(0, 120),
    price: Math.max(1, Math.round(home.price * (0.9 + next() * 0.2))),
    images: ['/images/demo/house-1.svg'],
    address: `${n} Bench St`,
    city: home.city,
    bedroom: home.bedroom,
    bathroom: 1,
    latitude: home.latitude + (next() - 0.5) * 0.01,
    longitude: home.longitude + (next() - 0.5) * 0.01,
    type: home.type,
    property: home.property,
    detail: { desc: 'Posted by bench:alerts.' },
  };
}

async function explainMatch(url: string, postId: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const statement = matchingSearchesSql(postId);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    return rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n');
  } finally {
    await client.end();
  }
}

const ms = (values: number[]) =>
  `p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms, p99 ${percentile(values, 0.99).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

const url = await seededDatabase('estate_bench_alerts', listings, addSavedSearches);
console.log(`machine: ${await machine(url)}`);
const db = await createDb({ databaseUrl: url });
let server: Awaited<ReturnType<typeof estateServer>> | undefined;
const stopStreams = new AbortController();
try {
  await db.prisma.post.deleteMany({ where: { title: { startsWith: BENCH_TITLE } } });
  const seekers = await db.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "User" WHERE "username" LIKE 'seeker%' ORDER BY random() LIMIT ${subscriberCount}`;
  const subscribers = await signedIn(
    db,
    seekers.map((row) => row.id),
  );
  const listers: Person[] = await people(db, `lister${Date.now().toString(36)}_`, Math.ceil(posts / LISTINGS_PER_LISTER));
  server = await estateServer(url, true);
  const base = server.url;
  // post.create as the server timed it: from the request's arrival to its answer.
  const serverMs: number[] = [];
  server.child.stdout?.on('data', (chunk: Buffer) => {
    for (const [, ms] of chunk.toString().matchAll(/POST \/trpc\/post\.create 200 ([\d.]+)ms/g)) serverMs.push(Number(ms));
  });

  // Alerts as the subscribers' pages receive them: from the start of post.create to arrival.
  const startedAt = new Map<number, number>();
  const alertMs: number[] = [];
  const onData = (line: string) => {
    const event = JSON.parse(line.slice(5)) as { json?: { kind?: string; post?: { title?: string } } };
    if (event.json?.kind !== 'alert') return;
    const n = Number(/^Bench home (\d+):/.exec(event.json.post?.title ?? '')?.[1]);
    const started = startedAt.get(n);
    if (started !== undefined) alertMs.push(performance.now() - started);
  };
  for (const subscriber of subscribers) await subscribe(base, subscriber, onData, stopStreams.signal);
  console.log(`${subscribers.length} subscribers hold chat.events open; ${listers.length} listers post ${posts} homes, ${rate} a second:`);

  const homes = await sample(db, posts);
  const next = random(7);
  const createMs: number[] = [];
  const failures: string[] = [];
  const creates: Array<Promise<unknown>> = [];
  const created: string[] = [];
  const start = performance.now();
  for (let n = 0; n < posts; n++) {
    const wait = start + (n * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const home = newHome(homes[n % homes.length] as Sample, n, next);
    const began = performance.now();
    startedAt.set(n, began);
    creates.push(
      call(base, listers[Math.floor(n / LISTINGS_PER_LISTER)] as Person, 'post.create', home).then(
        (result) => {
          createMs.push(performance.now() - began);
          created.push((result as { id: string }).id);
        },
        (error: Error) => failures.push(error.message),
      ),
    );
  }
  await Promise.all(creates);
  // Until every queued alert is out (or 10 s).
  const deadline = performance.now() + 10_000;
  while ((await db.prisma.pendingAlert.count()) > 0 && performance.now() < deadline) await sleep(100);
  await sleep(500);

  const matched = await db.prisma.$queryRaw<Array<{ matches: number }>>`
    SELECT count(m."savedSearchId")::int AS matches FROM "Post" p LEFT JOIN "SavedSearchMatch" m ON m."postId" = p."id"
    WHERE p."title" LIKE ${`${BENCH_TITLE}%`} GROUP BY p."id"`;
  const perPost = matched.map((row) => row.matches);
  const left = await db.prisma.pendingAlert.count();
  console.log(`  post.create, at the client: ${ms(createMs)} (${createMs.length} created, ${failures.length} failed)`);
  console.log(`  post.create, at the server: ${ms(serverMs)}`);
  console.log(`  alert at a subscriber, from the start of post.create: ${ms(alertMs)} (${alertMs.length} alerts received)`);
  console.log(
    `  saved searches matched per home: p50 ${percentile(perPost, 0.5)}, p95 ${percentile(perPost, 0.95)}, max ${Math.max(...perPost)}; ` +
      `${perPost.reduce((a, b) => a + b, 0).toLocaleString('en-US')} in all; ${left} homes' alerts still queued`,
  );
  if (failures.length > 0) console.log(`  first failure: ${failures[0]}`);
  const busiest = await db.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT p."id" FROM "Post" p JOIN "SavedSearchMatch" m ON m."postId" = p."id"
    WHERE p."title" LIKE ${`${BENCH_TITLE}%`} GROUP BY p."id" ORDER BY count(*) DESC LIMIT 1`;
  const example = busiest[0]?.id ?? created[0];
  if (example)
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the match for the home that matched most:\n${await explainMatch(url, example)}`);
} finally {
  stopStreams.abort();
  await server?.stop();
  await db.prisma.post.deleteMany({ where: { title: { startsWith: BENCH_TITLE } } });
  await db.close();
}
