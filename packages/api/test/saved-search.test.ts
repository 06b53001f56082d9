import { randomUUID } from 'node:crypto';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs } from '../src/index.js';
import { type Browser, browser, type Caller, failure, fieldErrors, newListing, openStream, registered } from './helpers.js';

// Saved searches through the procedures: saving, the limit, privacy, and the alerts a new or
// changed listing sends to the owners of the searches it matches, read from their event
// streams. Which searches match is checked against post.search itself.

type Filters = RouterInputs['savedSearch']['create']['filters'];
type Stream = Awaited<ReturnType<typeof openStream>>;

/** The alerts a stream receives until the one for `lastPostId` (posted last), by listing id. */
async function alertsUntil(stream: Stream, lastPostId: string) {
  const alerts = new Map<string, string[]>();
  for (;;) {
    const [event] = await stream.take(1, 10_000);
    if (event?.data.kind !== 'alert') continue;
    alerts.set(
      event.data.post.id,
      event.data.searches.map((search) => search.name),
    );
    if (event.data.post.id === lastPostId) return alerts;
  }
}

describe.each(testDbKinds())('saved searches on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  /** A place of its own for each test: listings there are only that test's. */
  function place() {
    const latitude = -60 + Math.random() * 100;
    const longitude = -170 + Math.random() * 300;
    const run = randomUUID().slice(0, 8);
    return {
      city: `Alerton ${run}`,
      otherCity: `Elsewhere ${run}`,
      word: `zq${run}`,
      latitude,
      longitude,
      /** A box around every listing of the test. */
      bounds: { south: latitude - 0.5, north: latitude + 0.5, west: longitude - 0.5, east: longitude + 0.5 },
    };
  }

  describe('create, list, open, rename and delete', () => {
    it('saves filters with a readable summary as the default name, and finds the same filters again', async () => {
      const { browser: me } = await registered(db.prisma);
      const filters: Filters = { type: 'rent', city: 'Denver', maxPrice: 2500, minBedrooms: 2 };
      const saved = await me.call((api) => api.savedSearch.create({ filters }));
      expect(saved).toMatchObject({
        name: 'Rent · Denver · up to $2,500 · 2+ beds',
        summary: 'Rent · Denver · up to $2,500 · 2+ beds',
        newCount: 0,
      });
      expect(saved.filters).toEqual(filters);

      // The same search, written differently: the one saved before, under its first name.
      const again = await me.call((api) =>
        api.savedSearch.create({
          name: 'Another name',
          filters: { minBedrooms: 2, maxPrice: 2500, city: '  denver ', type: 'rent', q: '' },
        }),
      );
      expect(again.id).toBe(saved.id);
      expect(again.name).toBe(saved.name);

      const named = await me.call((api) =>
        api.savedSearch.create({
          name: 'Family homes',
          filters: { property: 'house', minPrice: 300000, minBathrooms: 2, q: 'big  garden' },
        }),
      );
      expect(named).toMatchObject({ name: 'Family homes', summary: 'House · from $300,000 · 2+ baths · “big garden”' });
      const anywhere = await me.call((api) =>
        api.savedSearch.create({ filters: { bounds: { north: 40, south: 39, east: -104, west: -105 } } }),
      );
      expect(anywhere.summary).toBe('Map area');

      const list = await me.call((api) => api.savedSearch.list());
      expect(list.map((search) => search.id)).toEqual([anywhere.id, named.id, saved.id]);
    });

    it('refuses bad filters and names field by field', async () => {
      const { browser: me } = await registered(db.prisma);
      expect(
        await fieldErrors(me.call((api) => api.savedSearch.create({ filters: { minPrice: 3000, maxPrice: 1000, minBedrooms: -1 } }))),
      ).toEqual({
        'filters.maxPrice': ['Maximum price must be at least the minimum price'],
        'filters.minBedrooms': ['Bedrooms cannot be negative'],
      });
      expect(
        await fieldErrors(me.call((api) => api.savedSearch.create({ filters: { bounds: { north: 10, south: 20, east: 0, west: 1 } } }))),
      ).toEqual({ 'filters.bounds.north': ['The north edge must not be south of the south edge'] });
      const saved = await me.call((api) => api.savedSearch.create({ filters: { city: 'Austin' } }));
      expect(await fieldErrors(me.call((api) => api.savedSearch.rename({ id: saved.id, name: '   ' })))).toEqual({
        name: ['Name the search'],
      });
      expect(await fieldErrors(me.call((api) => api.savedSearch.rename({ id: saved.id, name: 'x'.repeat(81) })))).toEqual({
        name: ['At most 80 characters'],
      });
    });

    it('keeps at most 20 per person, even when saved at once', async () => {
      const { browser: me } = await registered(db.prisma);
      for (let price = 1; price <= 15; price++) await me.call((api) => api.savedSearch.create({ filters: { maxPrice: price * 1000 } }));
      // Ten at once when five places are left: five are saved, five refused with the reason.
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => me.call((api) => api.savedSearch.create({ filters: { minPrice: (i + 1) * 100 } }))),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
      for (const result of results.filter((result) => result.status === 'rejected')) {
        expect(result.reason).toMatchObject({
          code: 'BAD_REQUEST',
          message: 'You can keep up to 20 saved searches. Delete one to save this search.',
        });
      }
      expect(await me.call((api) => api.savedSearch.list())).toHaveLength(20);
      // A search already saved is still found at the limit; after a delete, a new one fits.
      const [first] = await me.call((api) => api.savedSearch.list());
      expect((await me.call((api) => api.savedSearch.create({ filters: first?.filters ?? {} }))).id).toBe(first?.id);
      await me.call((api) => api.savedSearch.delete({ id: first?.id ?? '' }));
      await me.call((api) => api.savedSearch.create({ filters: { city: 'Reno' } }));
      expect(await me.call((api) => api.savedSearch.list())).toHaveLength(20);
    });

    it('shows each person only their own: anyone else’s is NOT_FOUND for every procedure, and unchanged', async () => {
      const { browser: owner } = await registered(db.prisma);
      const { browser: stranger } = await registered(db.prisma);
      const saved = await owner.call((api) => api.savedSearch.create({ name: 'Mine', filters: { city: 'Tulsa' } }));
      const calls: Array<(api: Caller) => Promise<unknown>> = [
        (api) => api.savedSearch.open({ id: saved.id }),
        (api) => api.savedSearch.rename({ id: saved.id, name: 'Theirs now' }),
        (api) => api.savedSearch.delete({ id: saved.id }),
      ];
      for (const call of calls) {
        expect(await failure(stranger.call(call))).toMatchObject({ code: 'NOT_FOUND', message: 'No such saved search.' });
        expect(await failure(browser(db.prisma).call(call))).toMatchObject({ code: 'UNAUTHORIZED' });
      }
      expect(await stranger.call((api) => api.savedSearch.list())).toEqual([]);
      expect(await failure(browser(db.prisma).call((api) => api.savedSearch.list()))).toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await owner.call((api) => api.savedSearch.list())).toEqual([saved]);

      const renamed = await owner.call((api) => api.savedSearch.rename({ id: saved.id, name: '  Tulsa homes ' }));
      expect(renamed.name).toBe('Tulsa homes');
      expect(await owner.call((api) => api.savedSearch.open({ id: saved.id }))).toEqual({ city: 'Tulsa' });
      expect(await owner.call((api) => api.savedSearch.delete({ id: saved.id }))).toEqual({ id: saved.id });
      expect(await failure(owner.call((api) => api.savedSearch.open({ id: saved.id })))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('alerts', () => {
    it('alerts for exactly the new listings post.search finds with each filter, never the lister themself', async () => {
      const here = place();
      const { browser: seeker } = await registered(db.prisma, {}, 'seeker');
      const { browser: lister } = await registered(db.prisma, {}, 'lister');
      const at = (dLat: number, dLng: number) => ({ latitude: here.latitude + dLat, longitude: here.longitude + dLng });

      const cases: Record<string, Filters> = {
        city: { city: here.city.toUpperCase() },
        type: { type: 'buy' },
        property: { property: 'house' },
        minPrice: { minPrice: 400_000 },
        maxPrice: { maxPrice: 2000 },
        minBedrooms: { minBedrooms: 3 },
        minBathrooms: { minBathrooms: 2 },
        'keyword, stemmed': { q: `garden ${here.word}` },
        'keyword in the description': { q: 'conservatory' },
        'map area': {
          bounds: { south: here.latitude - 0.05, north: here.latitude + 0.05, west: here.longitude - 0.05, east: here.longitude + 0.05 },
        },
        combined: { city: here.city, type: 'rent', maxPrice: 3000, minBedrooms: 2 },
        'no filter': {},
      };
      const searches = new Map<string, string>();
      for (const [name, filters] of Object.entries(cases)) {
        const saved = await seeker.call((api) => api.savedSearch.create({ name, filters }));
        searches.set(saved.id, name);
      }
      // The lister's own search matches everything they list: they are never alerted.
      await lister.call((api) => api.savedSearch.create({ filters: {} }));

      const seekerStream = await openStream(seeker);
      const listerStream = await openStream(lister);
      await seekerStream.take(1);
      await listerStream.take(1);

      const listings = [
        newListing({
          city: here.city,
          title: 'Rose Gardens cottage',
          ...at(0.01, 0.01),
          type: 'rent',
          property: 'house',
          price: 1800,
          bedroom: 3,
          bathroom: 1,
        }),
        newListing({ city: here.city, title: 'Flat by the station', ...at(-0.2, 0.2), type: 'rent', price: 2600, bedroom: 2, bathroom: 2 }),
        newListing({
          city: here.otherCity,
          title: `Villa ${here.word}`,
          ...at(0.3, -0.3),
          type: 'buy',
          property: 'house',
          price: 650_000,
          bedroom: 5,
          bathroom: 3,
          detail: { desc: 'A garden and a conservatory.' },
        }),
        newListing({
          city: here.otherCity,
          title: 'Condo with a garden',
          ...at(0.02, -0.04),
          type: 'buy',
          property: 'condo',
          price: 390_000,
          bedroom: 1,
          bathroom: 1,
        }),
        newListing({ city: here.city, title: 'Studio', ...at(0.4, 0.4), type: 'rent', price: 900, bedroom: 0, bathroom: 1 }),
      ];
      const ids: string[] = [];
      for (const listing of listings) ids.push((await lister.call((api) => api.post.create(listing))).id);

      const alerts = await alertsUntil(seekerStream, ids.at(-1) ?? '');
      for (const [name, filters] of Object.entries(cases)) {
        // Where post.search finds them, among this test's listings (all inside `bounds`).
        const found = await seeker.call((api) => api.post.search({ bounds: here.bounds, ...filters, limit: 50 }));
        const expected = ids.filter((id) => found.items.some((item) => item.id === id));
        const alerted = ids.filter((id) => alerts.get(id)?.includes(name));
        expect(alerted, name).toEqual(expected);
      }
      // Every filter excluded something and matched something, or the check above proves little.
      for (const name of Object.keys(cases).filter((name) => name !== 'no filter')) {
        const alerted = ids.filter((id) => alerts.get(id)?.includes(name)).length;
        expect(alerted, name).toBeGreaterThan(0);
        expect(alerted, name).toBeLessThan(ids.length);
      }
      expect(await listerStream.next(500)).toBe('timeout');

      // The counts of new homes; opening a search clears its own.
      const list = await seeker.call((api) => api.savedSearch.list());
      const count = (name: string) => list.find((search) => search.name === name)?.newCount;
      expect(count('no filter')).toBe(5);
      expect(count('maxPrice')).toBe(2);
      const cityId = list.find((search) => search.name === 'city')?.id ?? '';
      expect(await seeker.call((api) => api.savedSearch.open({ id: cityId }))).toEqual({ city: here.city.toUpperCase() });
      const after = await seeker.call((api) => api.savedSearch.list());
      expect(after.find((search) => search.id === cityId)?.newCount).toBe(0);
      expect(after.find((search) => search.name === 'no filter')?.newCount).toBe(5);
      seekerStream.close();
      listerStream.close();
    });

    it('matches a map area across the antimeridian', async () => {
      const { browser: seeker } = await registered(db.prisma);
      const { browser: lister } = await registered(db.prisma);
      const run = randomUUID().slice(0, 8);
      const saved = await seeker.call((api) =>
        api.savedSearch.create({ filters: { q: `pacific${run}`, bounds: { south: -20, north: -10, west: 175, east: -175 } } }),
      );
      const stream = await openStream(seeker);
      await stream.take(1);
      const ids = [];
      for (const longitude of [179.5, 0, -179.5, -170]) {
        const listing = newListing({ title: `Island home pacific${run}`, city: 'Suva', latitude: -15, longitude });
        ids.push((await lister.call((api) => api.post.create(listing))).id);
      }
      // The last listing is outside, so a sentinel that matches: the same place again.
      const last = (await lister.call((api) => api.post.create(newListing({ title: `Last pacific${run}`, latitude: -11, longitude: 176 }))))
        .id;
      const alerts = await alertsUntil(stream, last);
      expect([...alerts.keys()]).toEqual([ids[0], ids[2], last]);
      expect(alerts.get(last)).toEqual([saved.name]);
      stream.close();
    });

    it('alerts once per home and search: an edit that keeps it matching sends nothing, one that makes it match sends one', async () => {
      const here = place();
      const { browser: seeker } = await registered(db.prisma);
      const { browser: lister } = await registered(db.prisma);
      // A name with what array and JSON literals escape: it must come back as written.
      const name = 'Cheap "flats" \\ {1,2}, NULL ✓';
      const saved = await seeker.call((api) => api.savedSearch.create({ name, filters: { city: here.city, maxPrice: 1000 } }));
      const stream = await openStream(seeker);
      const [start] = await stream.take(1);

      const cheap = await lister.call((api) => api.post.create(newListing({ city: here.city, price: 950 })));
      const dear = await lister.call((api) => api.post.create(newListing({ city: here.city, price: 1500 })));
      expect((await stream.take(1))[0]?.data).toMatchObject({
        kind: 'alert',
        post: { id: cheap.id, price: 950 },
        searches: [{ id: saved.id, name }],
      });

      // Still matching after a change: no second alert. Newly matching: one.
      await lister.call((api) => api.post.update({ id: cheap.id, price: 900, title: 'Cheaper still' }));
      await lister.call((api) => api.post.update({ id: dear.id, price: 990 }));
      const [next] = await stream.take(1);
      expect(next?.data).toMatchObject({ kind: 'alert', post: { id: dear.id, price: 990 } });
      // Out of the search and back in: still the one alert.
      await lister.call((api) => api.post.update({ id: dear.id, price: 2000 }));
      await lister.call((api) => api.post.update({ id: dear.id, price: 800 }));
      expect(await stream.next(1000)).toBe('timeout');
      stream.close();

      // A stream resumed from before has both alerts, from the database.
      const resumed = await openStream(seeker, start?.id);
      const events = await resumed.take(2);
      expect(events.map((event) => event.data.kind === 'alert' && event.data.post.id)).toEqual([cheap.id, dear.id]);
      expect(await resumed.next(300)).toBe('timeout');
      resumed.close();

      // A home deleted is no longer new.
      expect((await seeker.call((api) => api.savedSearch.list()))[0]?.newCount).toBe(2);
      await lister.call((api) => api.post.delete({ id: dear.id }));
      expect((await seeker.call((api) => api.savedSearch.list()))[0]?.newCount).toBe(1);
    });

    it('leaves nothing behind when a search, or the account that saved it, is deleted', async () => {
      const here = place();
      const { browser: seeker, user, account } = await registered(db.prisma);
      const { browser: lister } = await registered(db.prisma);
      const kept = await seeker.call((api) => api.savedSearch.create({ name: 'Kept', filters: { city: here.city } }));
      const dropped = await seeker.call((api) => api.savedSearch.create({ name: 'Dropped', filters: { city: here.city, type: 'rent' } }));
      const stream = await openStream(seeker);
      await stream.take(1);
      await lister.call((api) => api.post.create(newListing({ city: here.city, type: 'rent' })));
      await stream.take(1);
      stream.close();
      const left = async () => ({
        matches: await db.prisma.savedSearchMatch.count({ where: { savedSearchId: { in: [kept.id, dropped.id] } } }),
        events: await db.prisma.chatEvent.count({ where: { userId: user.id } }),
      });
      expect(await left()).toEqual({ matches: 2, events: 1 });
      await seeker.call((api) => api.savedSearch.delete({ id: dropped.id }));
      expect(await left()).toEqual({ matches: 1, events: 1 });
      await seeker.call((api) => api.user.delete({ password: account.password }));
      expect(await left()).toEqual({ matches: 0, events: 0 });
    });

    it('names every matching search of a person in one alert, and alerts each person who saved a match', async () => {
      const here = place();
      const people: Browser[] = [];
      for (let i = 0; i < 3; i++) people.push((await registered(db.prisma)).browser);
      const [first, second, third] = people;
      if (!first || !second || !third) throw new Error('three people');
      await first.call((api) => api.savedSearch.create({ name: 'City', filters: { city: here.city } }));
      await first.call((api) => api.savedSearch.create({ name: 'Rent', filters: { city: here.city, type: 'rent' } }));
      await second.call((api) => api.savedSearch.create({ name: 'Area', filters: { bounds: here.bounds } }));
      await third.call((api) => api.savedSearch.create({ name: 'To buy', filters: { city: here.city, type: 'buy' } }));
      const streams = await Promise.all(people.map((person) => openStream(person)));
      for (const stream of streams) await stream.take(1);

      const { browser: lister } = await registered(db.prisma);
      const posted = await lister.call((api) =>
        api.post.create(newListing({ city: here.city, type: 'rent', latitude: here.latitude, longitude: here.longitude })),
      );
      const [a, b, c] = streams;
      expect((await a?.take(1))?.[0]?.data).toMatchObject({
        kind: 'alert',
        post: { id: posted.id },
        searches: [{ name: 'City' }, { name: 'Rent' }],
      });
      expect((await b?.take(1))?.[0]?.data).toMatchObject({ kind: 'alert', post: { id: posted.id }, searches: [{ name: 'Area' }] });
      expect(await c?.next(500)).toBe('timeout');
      for (const stream of streams) stream.close();
    });
  });
});
