// Fills the database with generated demo data (users, listings, saves, chats):
//   tsx --conditions=@estate/source src/seed-cli.ts --posts 1000000 [--users U] [--seed S] [--append]
// The database is the server's: DATABASE_URL selects PostgreSQL, otherwise the embedded
// PGlite data directory. Migrations are applied first.

import { parseArgs } from 'node:util';
import { hashPassword } from '@estate/api';
import { createDb, type Db, DEFAULT_SEED, DEMO_EMAIL, DEMO_PASSWORD, type SeedProgress, seedDemo } from '@estate/db';

const usage = `Usage: seed-cli --posts N [--users U] [--seed S] [--append]

  --posts N   listings to generate (1,000,000 takes a few minutes on PostgreSQL)
  --users U   accounts to generate (default: posts / 20, at least 10, at most 50,000)
  --seed S    the same seed and counts give the same data (default ${DEFAULT_SEED}; 0 to 4294967295)
  --append    add to a database that already has listings (use a --seed not used before)

The database is $DATABASE_URL (PostgreSQL) if set, else the embedded one in $ESTATE_DATA_DIR
(default .data/pglite). Every demo account's password is "${DEMO_PASSWORD}".`;

class UsageError extends Error {}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got "${text}")`,
    );
  }
  return value;
}

function parseOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      posts: { type: 'string' },
      users: { type: 'string' },
      seed: { type: 'string' },
      append: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;
  const posts = wholeNumber('posts', values.posts, 1, 100_000_000);
  if (posts === undefined) throw new UsageError('--posts is required');
  return {
    posts,
    users: wholeNumber('users', values.users, 2, 10_000_000),
    seed: wholeNumber('seed', values.seed, 0, 0xffff_ffff),
    append: values.append,
  };
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** One line on a terminal, redrawn in place; plain lines every 10% otherwise (logs, CI). */
function progressReporter(stream: NodeJS.WriteStream) {
  let phase = '';
  let phaseStarted = 0;
  let lastDrawn = 0;
  let lastTenth = -1;
  return {
    update({ phase: current, done, total }: SeedProgress) {
      const now = performance.now();
      if (current !== phase) {
        if (phase && stream.isTTY) stream.write('\n');
        phase = current;
        phaseStarted = now;
        lastTenth = -1;
      }
      const fraction = total === 0 ? 1 : done / total;
      const seconds = (now - phaseStarted) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
      const figures = `${(fraction * 100).toFixed(1).padStart(5)}%  ${count(done)}/${count(total)}  ${count(rate)} ${phase}/s  ETA ${duration(eta)}`;
      if (stream.isTTY) {
        if (now - lastDrawn < 100 && done < total) return; // a terminal needs no more than ten frames a second
        lastDrawn = now;
        const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - figures.length - 12));
        const filled = Math.round(fraction * width);
        stream.write(`\r${phase.padEnd(5)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${figures}\x1b[K`);
      } else {
        const tenth = Math.floor(fraction * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${phase} ${figures}\n`);
      }
    },
    finish() {
      if (phase && stream.isTTY) stream.write('\n');
    },
  };
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError || (error instanceof TypeError && 'code' in error))) throw error;
    console.error(`${error.message}\n\n${usage}`);
    return 1;
  }
  if (!options) {
    console.log(usage);
    return 0;
  }

  const started = performance.now();
  let db: Db | undefined;
  try {
    db = await createDb({ log: (message) => console.error(`[db] ${message}`) });
    const existing = await db.prisma.post.count();
    if (existing > 0 && !options.append) {
      console.error(`${db.location} already has ${count(existing)} listings. Pass --append to add more, or seed an empty database.`);
      return 1;
    }
    // Appending with the seed that made the existing rows would make the same ids again.
    const seed = options.seed ?? (existing > 0 ? (existing + DEFAULT_SEED) % 2 ** 32 : DEFAULT_SEED);
    console.error(`Seeding ${db.location} (seed ${seed})…`);
    const progress = progressReporter(process.stderr);
    const seeding = performance.now();
    const summary = await seedDemo(db.prisma, {
      posts: options.posts,
      ...(options.users !== undefined && { users: options.users }),
      seed,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      concurrency: db.kind === 'postgres' ? 2 : 1, // PGlite has one connection
      onProgress: (update) => progress.update(update),
    });
    progress.finish();
    const seconds = (performance.now() - seeding) / 1000;
    const total = (performance.now() - started) / 1000;
    console.log(
      `Seeded ${count(summary.users)} users, ${count(summary.posts)} listings, ${count(summary.savedPosts)} saved listings, ` +
        `${count(summary.chats)} chats and ${count(summary.messages)} messages in ${seconds.toFixed(1)} s ` +
        `(${count(summary.posts / seconds)} listings/s; ${total.toFixed(1)} s in all, opening the database included).\n` +
        `Sign in as ${DEMO_EMAIL} with password "${DEMO_PASSWORD}".`,
    );
    return 0;
  } finally {
    await db?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? `Seeding failed: ${error.message}` : error);
    process.exitCode = 1;
  },
);
