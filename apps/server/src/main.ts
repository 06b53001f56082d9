import { alertSender, diskStorage, hashPassword } from '@estate/api';
import { createDb, type Db, DEMO_EMAIL, DEMO_PASSWORD, seedDemo, waitForPostgres } from '@estate/db';
import { type Config, loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { startServer } from './server.js';
import { listenFailure, startupFailure } from './startup-errors.js';
import { startUploadSweeper } from './uploads/sweeper.js';

// The production entry point: configuration, database (migrated before the first
// request), optional demo data, HTTP, and a graceful stop on SIGTERM/SIGINT.

async function seedIfFresh(db: Db, posts: number, logger: Logger): Promise<void> {
  if (!db.migration?.freshDatabase) return;
  const started = performance.now();
  logger.info(`Seeding demo data (${posts} listings) into the new database…`);
  const summary = await seedDemo(db.prisma, {
    posts,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    onProgress: ({ phase, done, total }) => {
      if (done === total) logger.info(`  ${phase}: ${total}`);
    },
  });
  logger.info(
    `Seeded ${summary.posts} listings, ${summary.users} users, ${summary.chats} chats in ${((performance.now() - started) / 1000).toFixed(1)} s. Sign in as ${DEMO_EMAIL} with the password "${DEMO_PASSWORD}".`,
  );
}

async function main(config: Config, logger: Logger): Promise<void> {
  // A database starting beside us (compose, Kubernetes) is waited for, within DATABASE_WAIT_MS.
  if (config.databaseUrl) await waitForPostgres(config.databaseUrl, { waitMs: config.databaseWaitMs, logger });
  const db = await createDb({
    databaseUrl: config.databaseUrl,
    poolSize: config.poolSize,
    dataDir: config.dataDir,
    log: (message) => logger.info(`[db] ${message}`),
    logger,
  });
  logger.info(`[db] ${db.location}: schema up to date`);
  if (config.seedDemo) await seedIfFresh(db, config.demoPosts, logger);

  const storage = diskStorage(config.uploadsDir);
  const running = await startServer({
    prisma: db.prisma,
    config,
    storage,
    logger,
    poolStats: db.poolStats,
    port: config.port,
    host: config.host,
  }).catch(async (error: unknown) => {
    await db.close();
    throw listenFailure(error, config.port, config.host);
  });
  const stopSweeper = startUploadSweeper(db.prisma, storage, logger);
  // Alerts queued when a process stopped before sending them.
  void alertSender(db.prisma).kick(() => new Date(), logger);
  logger.info(
    `Estate is listening on ${running.url}${config.webDistDir ? '' : ' (API only: the web app is not built)'}${config.metricsToken ? ', metrics at /metrics' : ''}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests…`);
    stopSweeper();
    await running.close(config.shutdownTimeoutMs);
    await alertSender(db.prisma).settled();
    await db.close();
    logger.info('Stopped.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** One line, the reason and what to do, when it is known; the error with its stack otherwise. Then exit 1. */
function fail(logger: Logger, error: unknown): never {
  const reason = startupFailure(error);
  if (reason) logger.fatal(`Estate could not start: ${reason}`);
  else logger.fatal({ err: error }, `Estate could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let logger = createLogger();
try {
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel });
  const started = logger;
  process.on('uncaughtException', (error) => {
    started.fatal({ err: error }, `Estate stopped on an unexpected error: ${error.message}`);
    process.exit(1);
  });
  await main(config, logger);
} catch (error) {
  fail(logger, error);
}
