import { alertSender, diskStorage, hashPassword } from '@estate/api';
import { createDb, DataDirError, type Db, DEMO_EMAIL, DEMO_PASSWORD, MigrationError, seedDemo } from '@estate/db';
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';
import { startUploadSweeper } from './uploads/sweeper.js';

// The production entry point: configuration, database (migrated before the first
// request), optional demo data, HTTP, and a graceful stop on SIGTERM/SIGINT.

async function seedIfFresh(db: Db, posts: number): Promise<void> {
  if (!db.migration?.freshDatabase) return;
  const started = performance.now();
  console.log(`Seeding demo data (${posts} listings) into the new database…`);
  const summary = await seedDemo(db.prisma, {
    posts,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    onProgress: ({ phase, done, total }) => {
      if (done === total) console.log(`  ${phase}: ${total}`);
    },
  });
  console.log(
    `Seeded ${summary.posts} listings, ${summary.users} users, ${summary.chats} chats in ${((performance.now() - started) / 1000).toFixed(1)} s. Sign in as ${DEMO_EMAIL} with the password "${DEMO_PASSWORD}".`,
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await createDb({
    databaseUrl: config.databaseUrl,
    poolSize: config.poolSize,
    dataDir: config.dataDir,
    log: (message) => console.log(`[db] ${message}`),
  });
  console.log(`[db] ${db.location}: schema up to date`);
  if (config.seedDemo) await seedIfFresh(db, config.demoPosts);

  const storage = diskStorage(config.uploadsDir);
  const running = await startServer({ prisma: db.prisma, config, storage, port: config.port, host: config.host });
  const stopSweeper = startUploadSweeper(db.prisma, storage);
  // Alerts queued when a process stopped before sending them.
  void alertSender(db.prisma).kick(() => new Date());
  console.log(`Estate is listening on ${running.url}${config.webDistDir ? '' : ' (API only: the web app is not built)'}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests…`);
    stopSweeper();
    await running.close(config.shutdownTimeoutMs);
    await alertSender(db.prisma).settled();
    await db.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Known failures (configuration, database directory, migrations) carry messages meant for people.
  const known = error instanceof ConfigError || error instanceof DataDirError || error instanceof MigrationError;
  console.error(known ? `Estate could not start: ${error.message}` : error);
  process.exit(1);
});
