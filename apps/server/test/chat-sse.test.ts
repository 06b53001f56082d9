import { testDbKinds } from '@estate/db/testing';
import { describe, expect, it } from 'vitest';
import { startServer } from '../src/server.js';
import { apiOnlyConfig, apiServerOn, tempStorage } from './fixtures.js';
import { processesOnPostgres } from './server-process.js';
import { dataOf, eventsUrl, openStream } from './sse.js';
import { callAs as call, person } from './trpc-http.js';

// chat.events as a browser's EventSource gets it over real HTTP: the session cookie, the
// stream's `id:` lines, resuming by lastEventId (in the input, as httpSubscriptionLink sends
// it, or as the Last-Event-ID header), a stopping server, and, on PostgreSQL, two server
// processes that only share the database.

type Event = { kind: 'message'; message: { text: string } } | { kind: 'unread'; count: number } | { kind: 'read' };

describe.each(testDbKinds())('chat over SSE on %s', (kind) => {
  const server = apiServerOn(kind);

  it('streams a message to the receiver as it is sent, with event ids', async () => {
    const [alice, bob] = [await person(server.url), await person(server.url)];
    const chat = await call<{ id: string }>(server.url, alice, 'chat.start', { userId: bob.id });
    const stream = await openStream(eventsUrl(server.url), { cookie: bob.cookie });
    try {
      expect(stream.response.headers.get('content-type')).toBe('text/event-stream');
      const [connected, first] = await stream.next(2);
      expect(connected?.event).toBe('connected');
      expect(dataOf(first as never)).toEqual({ kind: 'unread', count: 0 });

      await call(server.url, alice, 'chat.send', { chatId: chat.id, text: 'Is the flat still available?' });
      const [message, unread] = await stream.next(2);
      expect(message?.id).toMatch(/^\d+$/);
      expect(dataOf<Event>(message as never)).toMatchObject({
        kind: 'message',
        chatId: chat.id,
        message: { text: 'Is the flat still available?' },
      });
      expect(dataOf(unread as never)).toEqual({ kind: 'unread', count: 1 });
      expect(BigInt(unread?.id ?? 0)).toBeGreaterThan(BigInt(message?.id ?? 0));
    } finally {
      stream.close();
    }
  });

  it('resumes from lastEventId, in the input or the Last-Event-ID header, with exactly the missed events', async () => {
    const [alice, bob] = [await person(server.url), await person(server.url)];
    const chat = await call<{ id: string }>(server.url, alice, 'chat.start', { userId: bob.id });
    const first = await openStream(eventsUrl(server.url), { cookie: bob.cookie });
    await first.next(2);
    await call(server.url, alice, 'chat.send', { chatId: chat.id, text: 'One' });
    const [seen] = await first.next(1);
    const seenId = seen?.id ?? '';
    first.close();

    await call(server.url, alice, 'chat.send', { chatId: chat.id, text: 'Two' });
    await call(server.url, alice, 'chat.send', { chatId: chat.id, text: 'Three' });
    const missed = await server.db.prisma.chatEvent.findMany({
      where: { userId: bob.id, id: { gt: BigInt(seenId) } },
      orderBy: { id: 'asc' },
    });
    expect(missed.map((event) => event.kind)).toEqual(['unread', 'message', 'unread', 'message', 'unread']);

    for (const [how, stream] of [
      ['input', await openStream(eventsUrl(server.url, seenId), { cookie: bob.cookie })],
      ['header', await openStream(eventsUrl(server.url), { cookie: bob.cookie, 'last-event-id': seenId })],
    ] as const) {
      try {
        const [connected, ...events] = await stream.next(missed.length + 1);
        expect(connected?.event, how).toBe('connected');
        expect(
          events.map((event) => event.id),
          how,
        ).toEqual(missed.map((event) => String(event.id)));
        expect(
          events.flatMap((event) => dataOf<Event>(event)).flatMap((event) => (event.kind === 'message' ? [event.message.text] : [])),
        ).toEqual(['Two', 'Three']);
        await expect(stream.next(1, 300), how).rejects.toThrow(/expected 1 events, got \[\]/);
      } finally {
        stream.close();
      }
    }
  });

  it('streams whichever way the path is written (a trailing slash, an escaped character)', async () => {
    const bob = await person(server.url);
    for (const path of ['chat.events/', 'chat%2Eevents']) {
      const stream = await openStream(`${server.url}/trpc/${path}`, { cookie: bob.cookie });
      try {
        const [connected, first] = await stream.next(2);
        expect(connected?.event, path).toBe('connected');
        expect(dataOf(first as never), path).toEqual({ kind: 'unread', count: 0 });
      } finally {
        stream.close();
      }
    }
  });

  it('refuses a signed-out stream with UNAUTHORIZED and ends it', async () => {
    const signedOut: Array<Record<string, string>> = [{}, { cookie: 'estate_session=not-a-session' }];
    for (const headers of signedOut) {
      const stream = await openStream(eventsUrl(server.url), headers);
      const { ended, events } = await stream.ended();
      expect(ended).toBe(true);
      expect(events.map((event) => event.event)).toEqual(['connected', 'serialized-error']);
      expect(dataOf(events[1] as never)).toMatchObject({ code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401 } });
    }
  });

  it('ends a stream with UNAUTHORIZED when its session is signed out', async () => {
    const bob = await person(server.url);
    const stream = await openStream(eventsUrl(server.url), { cookie: bob.cookie });
    await stream.next(2);
    await call(server.url, bob, 'auth.logout', undefined);
    const { ended, events } = await stream.ended();
    expect(ended).toBe(true);
    expect(events.map((event) => event.event)).toEqual(['serialized-error']);
    expect(dataOf(events[0] as never)).toMatchObject({
      message: 'Your session has ended. Please sign in again.',
      data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'chat.events' },
    });
  });

  it('ends its event streams at once when the server stops, not after the timeout', async () => {
    const stopping = await startServer({
      prisma: server.db.prisma,
      storage: tempStorage(),
      config: apiOnlyConfig,
      port: 0,
      host: '127.0.0.1',
    });
    const bob = await person(stopping.url);
    const stream = await openStream(eventsUrl(stopping.url), { cookie: bob.cookie });
    await stream.next(2);
    const started = performance.now();
    await stopping.close(30_000);
    expect(performance.now() - started).toBeLessThan(3000);
    // Ended without tRPC's "return" event, which would tell the client not to reconnect.
    expect(await stream.ended(1000)).toEqual({ ended: true, events: [] });
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl)
  console.warn('chat-sse.test.ts: TEST_DATABASE_URL is not set, so the test of two server processes on PostgreSQL is skipped.');

describe.skipIf(!postgresUrl)('chat across two server processes on one PostgreSQL database', () => {
  const processes = processesOnPostgres(2);

  it('delivers a message sent through one process to a subscriber on the other, through NOTIFY', async () => {
    const [one, two] = await processes.urls();
    if (!one || !two) throw new Error('two servers expected');
    const bob = await person(one);
    const alice = await person(two);
    const chat = await call<{ id: string }>(two, alice, 'chat.start', { userId: bob.id });
    const stream = await openStream(eventsUrl(one), { cookie: bob.cookie });
    try {
      await stream.next(2);
      const started = performance.now();
      await call(two, alice, 'chat.send', { chatId: chat.id, text: 'Sent through the other process' });
      const [message] = await stream.next(2);
      // Well before a stream's own 30-second look: the notification carried it.
      expect(performance.now() - started).toBeLessThan(5000);
      expect(dataOf<Event>(message as never)).toMatchObject({ kind: 'message', message: { text: 'Sent through the other process' } });
    } finally {
      stream.close();
    }
  });
});
