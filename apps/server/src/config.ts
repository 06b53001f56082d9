import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPostgresUrl } from '@estate/db';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => ['1', 'true', 'yes'].includes(value))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number (0–65535)' }).int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'must be a postgresql:// URL; leave it unset to use the embedded database')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number({ error: 'must be a whole number of connections' }).int().min(1).max(500).default(10),
  DATABASE_WAIT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int()
    .min(0)
    .max(3_600_000, 'must be at most an hour (3600000)')
    .default(30_000),
  ESTATE_DATA_DIR: z.string().min(1).optional(),
  UPLOADS_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../../.data/uploads', import.meta.url))),
  WEB_DIST_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  SEED_DEMO: flag.default(false),
  DEMO_POSTS: z.coerce.number().int().min(1).max(100_000).default(300),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  TRUSTED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each origin must be an http(s) URL like https://estate.example' }))),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  LOG_REQUESTS: flag.default(true),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`); leave it unset to turn /metrics off')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Every environment variable the server reads: turbo.json must pass each to `pnpm dev`, and README.md list it. */
export const envVariables = Object.keys(envSchema.shape) as Array<keyof typeof envSchema.shape>;

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  poolSize: number;
  /** How long start-up retries a PostgreSQL server that cannot be reached yet. */
  databaseWaitMs: number;
  dataDir: string | undefined;
  /** Where the local disk storage keeps uploaded photos. */
  uploadsDir: string;
  webDistDir: string | null;
  seedDemo: boolean;
  demoPosts: number;
  /** How many reverse proxies in front of us append to X-Forwarded-For (0: trust none). */
  trustProxy: number;
  /** Origins besides the app's own that may send mutations. */
  trustedOrigins: string[];
  shutdownTimeoutMs: number;
  logRequests: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** The bearer token that GET /metrics requires; unset, there are no metrics. */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // One line, as every start-up failure is: log collectors keep a line together.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    databaseWaitMs: e.DATABASE_WAIT_MS,
    dataDir: e.ESTATE_DATA_DIR,
    uploadsDir: e.UPLOADS_DIR,
    // Without a web build the server still serves the API (e.g. in development, where Vite serves the app).
    webDistDir: existsSync(e.WEB_DIST_DIR) ? e.WEB_DIST_DIR : null,
    seedDemo: e.SEED_DEMO,
    demoPosts: e.DEMO_POSTS,
    trustProxy: e.TRUST_PROXY,
    trustedOrigins: e.TRUSTED_ORIGINS.map((origin) => new URL(origin).origin),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logRequests: e.LOG_REQUESTS,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN,
  };
}
