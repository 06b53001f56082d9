// How fast demo data goes in: seeds N listings (default 1,000,000) into an empty scratch
// database and prints rows/s per table, the total time, peak memory and the machine.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/estate_seed_bench npx tsx --conditions=@estate/source bench/seed.ts [posts]
// Without DATABASE_URL it uses PGlite in a temporary directory.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type DemoTable, seedDemo } from '../src/index.js';

const posts = Number(process.argv[2] ?? 1_000_000);
if (!Number.isSafeInteger(posts) || posts < 1) throw new Error(`posts must be a positive whole number (got ${process.argv[2]})`);

const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'estate-seed-bench-'));
const db = await createDb({ dataDir });
try {
  if ((await db.prisma.post.count()) > 0) throw new Error(`${db.location} already has listings: benchmark an empty scratch database`);
  const [{ version } = { version: '?' }] = await db.prisma.$queryRawUnsafe<{ version: string }[]>('SELECT version() AS version');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  console.log(`database: ${db.kind}, ${version.split(' on ')[0]}`);

  const concurrency = db.kind === 'postgres' ? 2 : 1; // as the seed CLI does; PGlite has one connection
  const tables = new Map<DemoTable, { rows: number; ms: number }>();
  let lastTenth = -1;
  const started = performance.now();
  const summary = await seedDemo(db.prisma, {
    posts,
    passwordHash: 'not-a-real-hash', // nobody signs in to a benchmark database
    concurrency,
    onInsert: ({ table, rows, ms }) => {
      const total = tables.get(table) ?? { rows: 0, ms: 0 };
      tables.set(table, { rows: total.rows + rows, ms: total.ms + ms });
    },
    onProgress: ({ phase, done, total }) => {
      const tenth = Math.floor((done / total) * 10);
      if (phase !== 'posts' || tenth === lastTenth) return;
      lastTenth = tenth;
      console.error(`  ${done.toLocaleString('en-US')} posts after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  const seconds = (performance.now() - started) / 1000;

  // With several batches in flight, statement times overlap: per table they are summed over
  // the connections, so rows/s there is per connection while that table is being written.
  console.log(`\nconcurrency ${concurrency}; per table, statement time summed over connections:`);
  console.log(`${'table'.padEnd(12)} ${'rows'.padStart(10)} ${'insert s'.padStart(9)} ${'rows/s'.padStart(9)}`);
  let rows = 0;
  for (const [table, total] of tables) {
    rows += total.rows;
    const rate = Math.round(total.rows / (total.ms / 1000)).toLocaleString('en-US');
    console.log(
      `${table.padEnd(12)} ${total.rows.toLocaleString('en-US').padStart(10)} ${(total.ms / 1000).toFixed(1).padStart(9)} ${rate.padStart(9)}`,
    );
  }
  console.log(
    `\n${summary.posts.toLocaleString('en-US')} posts, ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s: ` +
      `${Math.round(summary.posts / seconds).toLocaleString('en-US')} posts/s, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`,
  );
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
} finally {
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
