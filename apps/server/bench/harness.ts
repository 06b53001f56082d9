import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnServer } from '../testing/spawn.js';

// What the benchmarks share: the servers they start, percentiles, and the machine they ran on.

export const root = path.resolve(import.meta.dirname, '../../..');

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * p) - 1)] ?? Number.NaN;

/**
 * Starts `node ...args` and resolves with its URL once it says it is listening (and `stop`,
 * SIGTERM); what it says after that goes to our output, unless `echo` says no.
 */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  cwd = root,
  echo: (output: string) => boolean = () => true,
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const server = spawnServer(args, {
    env: { ...process.env, ...env },
    cwd,
    // A benchmark must not hide its server's errors.
    afterListening: (output) => void (echo(output) && process.stderr.write(`  [server] ${output}`)),
  });
  return { url: await server.listening, child: server.child, stop: server.stop };
}

/**
 * The built Estate server (apps/server/dist) on `url`'s database, on a free port; SIGUSR2 makes
 * it collect its garbage (bench/gc-on-signal.cjs). BENCH_NODE_FLAGS are given to its node, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. `logRequests` has it log each request
 * with its time (read them from its stdout), not echoed.
 */
export const estateServer = (url: string, logRequests = false) =>
  startProcess(
    [
      '--expose-gc',
      '--require',
      path.join(root, 'apps/server/bench/gc-on-signal.cjs'),
      ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      'apps/server/dist/main.js',
    ],
    {
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_REQUESTS: logRequests ? '1' : '0',
      SEED_DEMO: '0',
      UPLOADS_DIR: path.join(os.tmpdir(), 'estate-bench-uploads'),
    },
    root,
    (output) => !(logRequests && / \/trpc\//.test(output)),
  );

/** The machine, Node and PostgreSQL the figures come from. */
export async function machine(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string; shared_buffers: string }>(
    "SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers",
  );
  await client.end();
  return `${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${rows[0]?.version} (shared_buffers ${rows[0]?.shared_buffers})`;
}
