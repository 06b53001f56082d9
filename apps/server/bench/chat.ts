// bench:chat — live chat delivery through the real servers on PostgreSQL: N subscribers hold
// chat.events open over SSE (on one or two server processes), senders post messages at a fixed
// rate through chat.send, and the bench reports the delivery latency (from the start of the
// send call to the event's arrival at its subscriber) and the servers' memory per idle
// subscriber, and what of it is still held once the subscribers have left. With two processes
// every message is sent through the process its receiver is not connected to, so it crosses
// over PostgreSQL's LISTEN/NOTIFY.
//
//   pnpm bench:chat [--subscribers 100,1000] [--processes 1,2] [--rate 20] [--seconds 10]
//
// Uses a fresh database, estate_bench_chat, on BENCH_DATABASE_URL's server (default
// postgresql://postgres@127.0.0.1:5432/postgres). pnpm bench:chat builds first.

import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createDb } from '@estate/db';
import pg from 'pg';
import { call, type Person, people, subscribe } from './clients.js';
import { estateServer, machine, percentile } from './harness.js';

const { values: args } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100,1000' },
    processes: { type: 'string', default: '1,2' },
    /** Messages per second, spread over the senders. */
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
  },
});
const counts = args.subscribers.split(',').map(Number);
const processCounts = args.processes.split(',').map(Number);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
/** Each sender stays under the per-user message limit (60 a minute): at most one message a second. */
const senders = Math.max(1, Math.ceil(rate * 1.25));
const WARM_UP_S = 2;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = 'estate_bench_chat';

async function freshDatabase(): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/** Resident memory of a process, in bytes. */
function rss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

interface Memory {
  /** Resident, as the system counts it. */
  rss: number;
  /** The JavaScript heap and the memory outside it that objects hold (buffers), in use after a full collection. */
  live: number;
}

/** A server's memory after a full garbage collection (the median of three readings; bench/gc-on-signal.cjs). */
async function memoryOf(child: ChildProcess): Promise<Memory> {
  const readings: Memory[] = [];
  for (let i = 0; i < 3; i++) {
    const reading = new Promise<Memory>((resolve) => {
      const onData = (chunk: Buffer) => {
        const line = /estate-bench-memory (\{.*\})/.exec(chunk.toString())?.[1];
        if (!line) return;
        child.stdout?.off('data', onData);
        const { rss, heapUsed, external } = JSON.parse(line) as { rss: number; heapUsed: number; external: number };
        resolve({ rss, live: heapUsed + external });
      };
      child.stdout?.on('data', onData);
    });
    child.kill('SIGUSR2');
    readings.push(await reading);
    await sleep(300);
  }
  const middle = (key: keyof Memory) =>
    percentile(
      readings.map((reading) => reading[key]),
      0.5,
    );
  return { rss: middle('rss'), live: middle('live') };
}

async function run(url: string, subscribers: number, processes: number): Promise<void> {
  const db = await createDb({ databaseUrl: url });
  const servers: Array<Awaited<ReturnType<typeof estateServer>>> = [];
  const stopAll = new AbortController();
  try {
    const [receivers, sending] = [
      await people(db, `r${subscribers}p${processes}_`, subscribers),
      await people(db, `s${subscribers}p${processes}_`, senders),
    ];
    for (let i = 0; i < processes; i++) servers.push(await estateServer(url));
    const base = (i: number) => servers[i % processes]?.url ?? '';
    // One chat per receiver, with "its" sender.
    const chats: string[] = [];
    for (let i = 0; i < subscribers; i++) {
      const sender = sending[i % senders] as Person;
      const chat = (await call(base(0), sender, 'chat.start', { userId: receivers[i]?.id })) as { id: string };
      chats.push(chat.id);
    }
    // Memory is compared once the servers have served streams (their code compiled, their heaps grown).
    const warmStreams = new AbortController();
    for (let i = 0; i < Math.min(subscribers, 100); i++) await subscribe(base(i), receivers[i] as Person, () => {}, warmStreams.signal);
    warmStreams.abort();
    await sleep(2000);
    const before = await Promise.all(servers.map((server) => memoryOf(server.child)));

    // Every receiver subscribes, on process i % processes.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const seen = new Set<string>();
    const onData = (data: string) => {
      const token = /bench-(\d+)/.exec(data)?.[0];
      if (!token || seen.has(token)) return;
      const started = sentAt.get(token);
      if (started === undefined) return;
      seen.add(token);
      latencies.push(performance.now() - started);
    };
    for (let i = 0; i < subscribers; i++) await subscribe(base(i), receivers[i] as Person, onData, stopAll.signal);
    await sleep(5000);
    const idle = await Promise.all(servers.map((server) => memoryOf(server.child)));
    const growth = (after: Memory[], key: keyof Memory) =>
      (after.reduce((sum, memory) => sum + memory[key], 0) - before.reduce((sum, memory) => sum + memory[key], 0)) / subscribers / 1024;

    // Messages at a fixed rate, each to a random receiver, through the other process when there
    // are two. The first WARM_UP_S seconds' are not measured (the servers' first calls compile).
    const total = Math.round(rate * seconds);
    const warmUp = Math.round(rate * WARM_UP_S);
    const failures: string[] = [];
    const sends: Array<Promise<unknown>> = [];
    const start = performance.now();
    for (let n = -warmUp; n < total; n++) {
      const due = start + ((n + warmUp) * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const i = Math.floor(Math.random() * subscribers);
      const token = n < 0 ? `warm-${-n}` : `bench-${n}`;
      sentAt.set(token, performance.now());
      sends.push(
        call(base(i + 1), sending[i % senders] as Person, 'chat.send', { chatId: chats[i], text: `Is it still available? ${token}` }).catch(
          (error: Error) => failures.push(error.message),
        ),
      );
    }
    await Promise.all(sends);
    const deadline = performance.now() + 5000;
    while (seen.size + failures.length < total && performance.now() < deadline) await sleep(50);
    const lost = total - seen.size - failures.length;
    const peak = servers.map((server) => rss(server.child));
    // Every subscriber leaves: what their streams held must be freed (a leak would stay here). A
    // KB or two per subscriber remains a while: the idle connections fetch opens again after an abort.
    stopAll.abort();
    await sleep(2000);
    const left = await Promise.all(servers.map((server) => memoryOf(server.child)));
    console.log(
      `  ${String(subscribers).padStart(5)} subscribers, ${processes} process${processes > 1 ? 'es' : ''}: ` +
        `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms ` +
        `(${latencies.length}/${total} delivered, ${failures.length} send errors, ${lost} not delivered in 5 s); ` +
        `memory per idle subscriber ${growth(idle, 'live').toFixed(1)} KB live (heap and buffers), ${growth(idle, 'rss').toFixed(1)} KB resident, ` +
        `${growth(left, 'live').toFixed(1)} KB live once they left; ` +
        `RSS ${peak.map((bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`).join(' + ')}`,
    );
    if (failures.length > 0) console.log(`    first send error: ${failures[0]}`);
  } finally {
    stopAll.abort();
    for (const server of servers) await server.stop();
    await db.close();
  }
}

const url = await freshDatabase();
console.log(`machine: ${await machine(url)}`);
console.log(
  `${rate} messages a second for ${seconds} s (after ${WARM_UP_S} s not measured) from ${senders} senders, each to one subscriber:`,
);
for (const subscribers of counts) for (const processes of processCounts) await run(url, subscribers, processes);
