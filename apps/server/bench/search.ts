// bench:search — search at 100,000 and 1,000,000 listings on PostgreSQL, through the real
// HTTP server: p50/p95/p99 of a fixed mix (bench/search-mix.ts), a server per size taking turns
// request by request, EXPLAIN (ANALYZE, BUFFERS) of every statement the mix runs, and the
// throughput of one city query against the stack Estate replaces (Express + Prisma) and the
// limit (raw SQL behind bare node:http), with wrk.
//
//   pnpm bench:search [--sizes 100000,1000000] [--rounds 200] [--no-throughput] [--no-explain]
//
// The databases (estate_bench_100k, estate_bench_1m) are created and seeded on first use, then
// reused. BENCH_DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres).
// It measures the build (pnpm bench:search builds first) and needs wrk (apt-get install wrk).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCaller, createContext, diskStorage } from '@estate/api';
import { openConnection, PrismaClient, registerSql, SESSION_OPTIONS, sqlValues } from '@estate/db';
import pg from 'pg';
import superjson from 'superjson';
import { estateServer, machine, percentile, root, startProcess } from './harness.js';
import { type MixEntry, mix } from './search-mix.js';
import { seededDatabase } from './seeded.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    rounds: { type: 'string', default: '200' },
    'no-throughput': { type: 'boolean', default: false },
    'no-explain': { type: 'boolean', default: false },
    /** Only the mix entries whose name contains this. */
    only: { type: 'string', default: '' },
  },
});
const entries = mix.filter((entry) => entry.name.includes(args.only));
const sizes = args.sizes.split(',').map(Number);
const rounds = Number(args.rounds);
const resultsDir = path.join(root, 'bench-results');

const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1000}k`);
const ms = (value: number) => value.toFixed(1).padStart(7);
function requestUrl(base: string, entry: MixEntry, cursor?: string): string {
  const input = entry.procedure === 'post.search' && cursor ? { ...entry.input, cursor } : entry.input;
  return `${base}/trpc/${entry.procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

async function get(url: string): Promise<unknown> {
  const response = await fetch(url);
  const body = (await response.json()) as { result?: { data: never }; error?: unknown };
  if (!response.ok || !body.result) throw new Error(`${response.status} ${JSON.stringify(body.error).slice(0, 300)}`);
  return superjson.deserialize(body.result.data);
}

/** The cursor of page `pages` of a search, found by walking there. */
async function deepCursor(base: string, entry: MixEntry & { procedure: 'post.search' }, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let page = 1; page < pages; page++) {
    const result = (await get(requestUrl(base, entry, cursor))) as { nextCursor: string | null };
    if (!result.nextCursor) throw new Error(`${entry.name}: fewer than ${pages} pages`);
    cursor = result.nextCursor;
  }
  return cursor ?? '';
}

interface Timing {
  p50: number;
  p95: number;
  p99: number;
  detail: string;
}

/** What a result holds, for the table. */
function detailOf(entry: MixEntry, result: unknown): string {
  if (entry.procedure === 'post.search') {
    const { total, totalCapped, items } = result as { total: number; totalCapped: boolean; items: unknown[] };
    return `${items.length} items, total ${total}${totalCapped ? '+' : ''}`;
  }
  if (entry.procedure === 'post.mapClusters') {
    const { clusters, homes, total } = result as { clusters: unknown[]; homes: unknown[]; total: number };
    return `${clusters.length} clusters, ${homes.length} homes, total ${total}`;
  }
  return `${(result as unknown[]).length} cities`;
}

/**
 * Each query's timings on every server (one per size), taking turns request by request: this
 * machine's speed drifts by half over minutes, and a drift must not pass for a difference of size.
 */
async function measureMix(bases: Map<number, string>): Promise<Map<number, Map<string, Timing>>> {
  const timings = new Map([...bases.keys()].map((size) => [size, new Map<string, Timing>()]));
  for (const entry of entries) {
    const urls = new Map<number, string>();
    const results = new Map<number, unknown>();
    for (const [size, base] of bases) {
      const cursor = entry.procedure === 'post.search' && entry.pagesDeep ? await deepCursor(base, entry, entry.pagesDeep) : undefined;
      const url = requestUrl(base, entry, cursor);
      urls.set(size, url);
      for (let i = 0; i < 3; i++) results.set(size, await get(url));
    }
    const times = new Map([...urls.keys()].map((size) => [size, [] as number[]]));
    for (let i = 0; i < rounds; i++) {
      for (const [size, url] of urls) {
        const started = performance.now();
        await get(url);
        times.get(size)?.push(performance.now() - started);
      }
    }
    for (const [size, sizeTimes] of times) {
      timings.get(size)?.set(entry.name, {
        p50: percentile(sizeTimes, 0.5),
        p95: percentile(sizeTimes, 0.95),
        p99: percentile(sizeTimes, 0.99),
        detail: detailOf(entry, results.get(size)),
      });
    }
  }
  return timings;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

interface Scan {
  text: string;
  relation: string | undefined;
  /** Rows the scan read: those it produced and those its filter removed. */
  read: number;
}

function scans(node: PlanNode): Scan[] {
  const loops = node['Actual Loops'];
  const produced = node['Actual Rows'] * loops;
  const read = produced + (node['Rows Removed by Filter'] ?? 0) * loops;
  const own: Scan[] =
    node['Relation Name'] || node['Index Name']
      ? [
          {
            text: `${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ` on ${node['Relation Name']}`} (${produced} rows${read > produced ? ` of ${read} read` : ''})`,
            relation: node['Relation Name'],
            read,
          },
        ]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(scans)];
}

/**
 * A scan that reads a quarter of the listings or more is flagged (a whole-table scan reads
 * them all; counting to the 10,000 cap reads a tenth of 100,000).
 */
const LARGE_SCAN = 0.25;

/** Runs the mix in-process once, catching every statement, and explains each against the database. */
async function explainMix(url: string, size: number): Promise<{ fullScans: string[] }> {
  const connection = await openConnection({ databaseUrl: url });
  const statements: Array<{ query: string; params: unknown[] }> = [];
  // Every statement, through Prisma or straight to the driver.
  const prisma = new PrismaClient({ adapter: connection.adapter(), log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => statements.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  registerSql(prisma, {
    query(statement) {
      statements.push({ query: statement.text, params: sqlValues(statement) });
      return connection.sql.query(statement);
    },
  });
  // Planned as the app's own sessions plan.
  const explainer = new pg.Client({ connectionString: url, options: SESSION_OPTIONS });
  await explainer.connect();
  const report: string[] = [];
  const fullScans: string[] = [];
  for (const entry of entries) {
    const ctx = await createContext({
      prisma,
      req: new Request('http://bench/trpc'),
      resHeaders: new Headers(),
      clientIp: '127.0.0.1',
      secure: false,
      storage: diskStorage(os.tmpdir()),
    });
    const caller = createCaller(ctx);
    let input: MixEntry['input'] = entry.input;
    if (entry.procedure === 'post.search' && entry.pagesDeep) {
      for (let page = 1; page < entry.pagesDeep; page++)
        input = { ...input, cursor: (await caller.post.search(input as never)).nextCursor ?? '' };
    }
    statements.length = 0;
    if (entry.procedure === 'post.search') await caller.post.search(input as never);
    else if (entry.procedure === 'post.mapClusters') await caller.post.mapClusters(input as never);
    else await caller.post.cities(input as never);
    report.push(`\n### ${entry.name}: ${JSON.stringify(input)}`);
    console.log(`  ${entry.name}`);
    for (const { query, params } of statements.filter((statement) => /^\s*(SELECT|WITH)/i.test(statement.query))) {
      if (/^\s*SELECT numnode|^\s*EXPLAIN/i.test(query)) continue;
      const { rows } = await explainer.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query}`, params);
      const plan = (rows[0] as { 'QUERY PLAN': Array<{ Plan: PlanNode; 'Execution Time': number }> })['QUERY PLAN'][0];
      const text = await explainer.query(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      report.push(query.replace(/\s+/g, ' ').trim(), ...text.rows.map((row: { 'QUERY PLAN': string }) => `    ${row['QUERY PLAN']}`));
      if (!plan) continue;
      const found = scans(plan.Plan);
      const large = found.filter((scan) => scan.relation === 'Post' && scan.read >= size * LARGE_SCAN);
      if (large.length > 0) fullScans.push(`${entry.name}: ${large.map((scan) => scan.text).join(', ')}`);
      console.log(`    ${plan['Execution Time'].toFixed(1).padStart(7)} ms  ${found.map((scan) => scan.text).join('; ')}`);
    }
  }
  await explainer.end();
  await prisma.$disconnect();
  await connection.close();
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `search-explain-${label(size)}.txt`);
  writeFileSync(file, report.join('\n'));
  console.log(`  every plan in full: ${path.relative(root, file)}`);
  return { fullScans };
}

function wrk(url: string): { requests: number; errors: number; p50: string; p99: string } {
  const { stdout } = spawnSync('wrk', ['-t2', '-c50', '-d8s', '--latency', url], { encoding: 'utf8' });
  const requests = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { requests, errors, p50: /\s50%\s+(\S+)/.exec(stdout)?.[1] ?? '?', p99: /\s99%\s+(\S+)/.exec(stdout)?.[1] ?? '?' };
}

/** The median of three 8-second runs, after 12 seconds for the JIT and the connection pools to settle. */
function measured(url: string) {
  spawnSync('wrk', ['-t2', '-c50', '-d12s', url]);
  const runs = [wrk(url), wrk(url), wrk(url)].sort((a, b) => a.requests - b.requests);
  const median = runs[1] ?? runs[0];
  if (!median) throw new Error('wrk gave no result');
  return {
    ...median,
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    spread: runs.map((run) => run.requests.toFixed(0)).join('/'),
  };
}

async function throughput(url: string): Promise<void> {
  if (spawnSync('wrk', ['--version']).error) {
    console.log('  wrk is not installed (apt-get install wrk): throughput skipped');
    return;
  }
  // The peers run from this package, where tsx is installed.
  const tsx = ['--import', 'tsx', '--conditions=@estate/source'];
  const startPeer = (file: string) => startProcess([...tsx, file], { DATABASE_URL: url, PORT: '0' }, path.join(root, 'apps/server'));
  const peers = [
    {
      name: 'limit: raw SQL (pg) + node:http',
      start: () => startPeer('bench/peers/raw-pg.ts'),
      path: '/posts?city=Denver',
    },
    {
      name: 'Express + Prisma (REST)',
      start: () => startPeer('bench/peers/express-prisma.ts'),
      path: '/posts?city=Denver',
    },
    {
      name: 'Estate (tRPC post.search)',
      start: () => estateServer(url),
      path: `/trpc/post.search?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ city: 'Denver' })))}`,
    },
  ];
  const results: Array<{ name: string; requests: number; errors: number; p50: string; p99: string; spread: string }> = [];
  for (const peer of peers) {
    const { url: base, stop } = await peer.start();
    try {
      results.push({ name: peer.name, ...measured(base + peer.path) });
    } finally {
      await stop();
    }
  }
  const limit = results[0]?.requests ?? Number.NaN;
  const express = results[1]?.requests ?? Number.NaN;
  console.log(
    '  wrk -t2 -c50, the city query (Denver, first page of 24): median of three 8 s runs (the three in brackets), after 12 s of warming:',
  );
  for (const result of results) {
    console.log(
      `    ${result.name.padEnd(34)} ${result.requests.toFixed(0).padStart(6)} req/s (${result.spread})  p50 ${result.p50.padStart(8)}  p99 ${result.p99.padStart(8)}  errors ${result.errors}  ${(result.requests / limit).toFixed(2)}× limit  ${(result.requests / express).toFixed(2)}× Express`,
    );
  }
}

if (!existsSync(path.join(root, 'apps/server/dist/main.js'))) throw new Error('Build first: pnpm build');
const databases = new Map<number, string>();
for (const size of sizes) {
  console.log(`\n== ${size.toLocaleString('en-US')} listings`);
  const url = await seededDatabase(`estate_bench_${label(size)}`, size);
  databases.set(size, url);
  console.log(`  machine: ${await machine(url)}`);
}
const servers = new Map<number, Awaited<ReturnType<typeof estateServer>>>();
let all: Map<number, Map<string, Timing>>;
try {
  for (const [size, url] of databases) servers.set(size, await estateServer(url));
  all = await measureMix(new Map([...servers].map(([size, server]) => [size, server.url])));
} finally {
  for (const server of servers.values()) await server.stop();
}
for (const [size, url] of databases) {
  console.log(`\n== ${size.toLocaleString('en-US')} listings: ${rounds} rounds per query, one at a time, the sizes taking turns`);
  console.log(`  ${'query'.padEnd(44)}     p50     p95     p99  result`);
  for (const [name, timing] of all.get(size) ?? [])
    console.log(`  ${name.padEnd(44)} ${ms(timing.p50)} ${ms(timing.p95)} ${ms(timing.p99)}  ${timing.detail}`);
  if (!args['no-explain']) {
    console.log('  EXPLAIN (ANALYZE, BUFFERS) of each statement: time, and every scan with the rows it produced:');
    const { fullScans } = await explainMix(url, size);
    console.log(
      fullScans.length === 0
        ? `  no statement reads ${LARGE_SCAN * 100}% of the listings or more (no whole-table scan)`
        : `  SCANS READING ${LARGE_SCAN * 100}% OF THE LISTINGS OR MORE:\n    ${fullScans.join('\n    ')}`,
    );
  }
  if (!args['no-throughput'] && size === Math.max(...sizes)) await throughput(url);
}

const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
if (small !== large) {
  console.log(`\n== p95 at ${label(large)} against ${label(small)}, and the targets`);
  for (const entry of entries) {
    const a = all.get(small)?.get(entry.name);
    const b = all.get(large)?.get(entry.name);
    if (!a || !b) continue;
    const target = entry.procedure !== 'post.mapClusters' ? 50 : entry.name.includes('country') ? 300 : 100;
    const ratio = b.p95 / a.p95;
    const verdict = b.p95 < target && ratio <= 3 ? 'ok' : 'MISSED';
    console.log(
      `  ${entry.name.padEnd(44)} ${ms(a.p95)} → ${ms(b.p95)} ms  ×${ratio.toFixed(2).padStart(5)}  (target < ${target} ms, ≤ 3×)  ${verdict}`,
    );
  }
}
