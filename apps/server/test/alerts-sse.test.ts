import { createDbOn } from '@estate/db';
import { testDbKinds } from '@estate/db/testing';
import { describe, expect, it } from 'vitest';
import { apiServerOn } from './fixtures.js';
import { processesOnPostgres } from './server-process.js';
import { dataOf, eventsUrl, openStream, type SseEvent } from './sse.js';
import { callAs, type Person, person } from './trpc-http.js';

// Saved-search alerts as a browser receives them over real HTTP, on the chat.events stream
// it already holds: live, resumed by event id, and across two server processes, including
// alerts a process queued but stopped before sending.

interface Alert {
  kind: 'alert';
  post: { id: string; title: string };
  searches: Array<{ id: string; name: string }>;
}

const alertOf = (event: SseEvent | undefined) => (event ? dataOf<Alert>(event) : undefined);

function listing(city: string, title: string) {
  return {
    title,
    price: 1200,
    images: ['/images/demo/house-1.svg'],
    address: '9 Elm St',
    city,
    bedroom: 2,
    bathroom: 1,
    latitude: 40,
    longitude: -105,
    type: 'rent',
    property: 'house',
    detail: { desc: 'A quiet street.' },
  };
}

const uniqueCity = () => `Alertburg ${Math.random().toString(36).slice(2, 8)}`;

async function searcher(base: string, city: string) {
  const seeker = await person(base);
  const saved = await callAs<{ id: string }>(base, seeker, 'savedSearch.create', { name: 'My city', filters: { city } });
  return { seeker, saved };
}

describe.each(testDbKinds())('saved-search alerts over SSE on %s', (kind) => {
  const server = apiServerOn(kind);

  it('alerts a subscriber live when someone lists a matching home, and resumes with exactly the missed alerts', async () => {
    const city = uniqueCity();
    const { seeker, saved } = await searcher(server.url, city);
    const lister: Person = await person(server.url);
    const stream = await openStream(eventsUrl(server.url), { cookie: seeker.cookie });
    const [, start] = await stream.next(2);
    const first = await callAs<{ id: string }>(server.url, lister, 'post.create', listing(city, 'First home'));
    const [alert] = await stream.next(1);
    expect(BigInt(alert?.id ?? 0)).toBeGreaterThan(BigInt(start?.id ?? 0));
    expect(alertOf(alert)).toEqual({
      kind: 'alert',
      post: { id: first.id, title: 'First home', price: 1200, city, type: 'rent' },
      searches: [{ id: saved.id, name: 'My city' }],
    });
    stream.close();

    // Offline: two more homes, one of them elsewhere.
    const second = await callAs<{ id: string }>(server.url, lister, 'post.create', listing(city, 'Second home'));
    await callAs(server.url, lister, 'post.create', listing(uniqueCity(), 'Far away'));
    const third = await callAs<{ id: string }>(server.url, lister, 'post.create', listing(city.toLowerCase(), 'Third home'));
    const resumed = await openStream(eventsUrl(server.url), { cookie: seeker.cookie, 'last-event-id': alert?.id ?? '' });
    try {
      const [connected, ...missed] = await resumed.next(3);
      expect(connected?.event).toBe('connected');
      expect(missed.map((event) => alertOf(event)?.post.id)).toEqual([second.id, third.id]);
      await expect(resumed.next(1, 300)).rejects.toThrow(/expected 1 events, got \[\]/);
    } finally {
      resumed.close();
    }
  });
});

const postgresUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!postgresUrl)('saved-search alerts across server processes on one PostgreSQL database', () => {
  const processes = processesOnPostgres(2);

  it('alerts a subscriber of one process when a home is listed through the other', async () => {
    const [one, two] = await processes.urls();
    if (!one || !two) throw new Error('two servers expected');
    const city = uniqueCity();
    const { seeker } = await searcher(one, city);
    const stream = await openStream(eventsUrl(one), { cookie: seeker.cookie });
    try {
      await stream.next(2);
      const posted = await callAs<{ id: string }>(two, await person(two), 'post.create', listing(city, 'Listed on two'));
      const [alert] = await stream.next(1);
      expect(alertOf(alert)?.post).toMatchObject({ id: posted.id, title: 'Listed on two' });
    } finally {
      stream.close();
    }
  });

  it('sends, once a process starts, the alerts of a home whose process stopped before sending them', async () => {
    const [one] = await processes.urls();
    if (!one) throw new Error('a server expected');
    const city = uniqueCity();
    const { seeker } = await searcher(one, city);
    const lister = await person(one);
    const stream = await openStream(eventsUrl(one), { cookie: seeker.cookie });
    const db = await createDbOn(processes.connection, { migrate: false });
    try {
      await stream.next(2);
      // What a process that stopped right after committing a listing leaves: the listing and its queued alerts.
      const { detail, ...fields } = listing(city, 'Left in the queue');
      const { id } = await db.prisma.post.create({
        data: {
          ...fields,
          type: 'rent',
          property: 'house',
          cityKey: city.toLowerCase(),
          userId: lister.id,
          postDetail: { create: detail },
        },
      });
      await db.prisma.pendingAlert.create({ data: { postId: id } });
      await expect(stream.next(1, 1000)).rejects.toThrow(/expected 1 events, got \[\]/);

      await processes.start();
      const [alert] = await stream.next(1);
      expect(alertOf(alert)?.post).toMatchObject({ id, title: 'Left in the queue' });
    } finally {
      stream.close();
    }
  });
});
