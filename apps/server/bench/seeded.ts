import { hashPassword } from '@estate/api';
import { createDb, type Db, DEMO_PASSWORD, seedDemo } from '@estate/db';
import pg from 'pg';

// The benchmarks' PostgreSQL databases of demo listings: created, migrated and seeded on first
// use, then reused. BENCH_DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres).

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database `name` holding `size` demo listings (then `prepare` runs on it, e.g. to add
 * what else a benchmark needs), with its tables read into the OS cache.
 */
export async function seededDatabase(name: string, size: number, prepare?: (db: Db) => Promise<void>): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = databaseUrl(name);
  const db = await createDb({ databaseUrl: url, log: (message) => console.log(`  [db] ${message}`) });
  try {
    const posts = await db.prisma.post.count();
    if (posts === 0) {
      console.log(`  seeding ${size.toLocaleString('en-US')} listings into ${name}…`);
      const started = performance.now();
      let lastTenth = -1;
      await seedDemo(db.prisma, {
        posts: size,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        concurrency: 2,
        onProgress: ({ phase, done, total }) => {
          const tenth = Math.floor((done / Math.max(total, 1)) * 10);
          if (tenth !== lastTenth) console.log(`    ${phase} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`);
          lastTenth = tenth;
        },
      });
      console.log(`  seeded and analysed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    } else if (posts !== size) {
      throw new Error(`${name} has ${posts} listings, not ${size}: drop it (DROP DATABASE "${name}") to seed it again`);
    } else {
      console.log(`  ${name}: ${posts.toLocaleString('en-US')} listings, reused`);
    }
    await prepare?.(db);
    await warmCache(db.prisma);
  } finally {
    await db.close();
  }
  return url;
}

/**
 * Reads the tables and indexes once into the operating system's cache (pg_prewarm), so the
 * figures are those of a server that has been serving for a while, not of its first minutes
 * after a restart or a bulk load.
 */
async function warmCache(prisma: Db['prisma']): Promise<void> {
  const started = performance.now();
  await prisma.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  const [row] = await prisma.$queryRawUnsafe<Array<{ blocks: number }>>(`
    SELECT sum(pg_prewarm(c.oid::regclass, 'read'))::int AS blocks FROM pg_class c
    WHERE c.relkind IN ('r', 'i') AND (c.relname LIKE 'Post%' OR c.relname LIKE 'MapCell%' OR c.relname LIKE 'City%' OR c.relname LIKE 'SavedSearch%')`);
  console.log(
    `  read ${(((row?.blocks ?? 0) * 8192) / 2 ** 20).toFixed(0)} MiB of tables and indexes into the OS cache in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
