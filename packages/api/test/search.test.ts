import type { Db, Prisma } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouterInputs } from '../src/index.js';
import { anonymousCaller, createPost, createUser, fieldErrors } from './helpers.js';

// Search through the procedures, checked against the same listings filtered and sorted in
// JavaScript: every filter alone and combined, every sort, paging to the end.

type SearchInput = RouterInputs['post']['search'];
type Caller = Awaited<ReturnType<typeof anonymousCaller>>;

const cities = [
  { name: 'Denver', latitude: 39.74, longitude: -104.99 },
  { name: 'Boise', latitude: 43.62, longitude: -116.2 },
  { name: 'Fiji Town', latitude: -17.8, longitude: 179.9 },
] as const;
const properties = ['apartment', 'house', 'condo', 'land'] as const;
const words = ['Gardens and a patio', 'A sunny balcony', 'Quiet street', 'Garage and garden shed'];

interface Listing {
  id: string;
  city: string;
  type: 'buy' | 'rent';
  property: (typeof properties)[number];
  price: number;
  bedroom: number;
  bathroom: number;
  latitude: number;
  longitude: number;
  createdAt: Date;
  desc: string;
}

/** 48 listings across three cities, with shared timestamps and shared prices (the sorts' ties). */
function listings(): Omit<Listing, 'id'>[] {
  return Array.from({ length: 48 }, (_, i) => {
    const city = cities[i % 3] ?? cities[0];
    return {
      city: city.name,
      type: i % 2 === 0 ? 'rent' : 'buy',
      property: properties[i % 4] ?? 'house',
      price: i % 2 === 0 ? 800 + (i % 7) * 150 : 200_000 + (i % 5) * 50_000,
      bedroom: i % 6,
      bathroom: 1 + (i % 3),
      latitude: city.latitude + ((i % 5) - 2) * 0.01,
      longitude: city.longitude + ((i % 4) - 2) * 0.01,
      createdAt: new Date(Date.UTC(2026, 5, 1 + Math.floor(i / 3))),
      desc: words[i % 4] ?? '',
    };
  });
}

/** What a search should return, computed here. */
function expected(all: Listing[], input: SearchInput): string[] {
  const inBounds = (l: Listing) => {
    const b = input.bounds;
    if (!b) return true;
    const longitude = b.west <= b.east ? l.longitude >= b.west && l.longitude <= b.east : l.longitude >= b.west || l.longitude <= b.east;
    return l.latitude >= b.south && l.latitude <= b.north && longitude;
  };
  const matching = all.filter(
    (l) =>
      (!input.city || l.city.toLowerCase() === input.city.trim().toLowerCase()) &&
      (!input.type || l.type === input.type) &&
      (!input.property || l.property === input.property) &&
      (input.minPrice === undefined || l.price >= input.minPrice) &&
      (input.maxPrice === undefined || l.price <= input.maxPrice) &&
      (input.minBedrooms === undefined || l.bedroom >= input.minBedrooms) &&
      (input.minBathrooms === undefined || l.bathroom >= input.minBathrooms) &&
      inBounds(l),
  );
  const byId = (a: Listing, b: Listing) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sorts = {
    newest: (a: Listing, b: Listing) => b.createdAt.getTime() - a.createdAt.getTime() || byId(b, a),
    price_asc: (a: Listing, b: Listing) => a.price - b.price || byId(a, b),
    price_desc: (a: Listing, b: Listing) => b.price - a.price || byId(b, a),
  };
  return matching.sort(sorts[input.sort ?? 'newest']).map((l) => l.id);
}

/** Every page of a search, to the end. */
async function allPages(caller: Caller, input: SearchInput) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  do {
    const page = await caller.post.search({ ...input, cursor });
    ids.push(...page.items.map((item) => item.id));
    totals.add(page.total);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, totals: [...totals] };
}

describe.each(testDbKinds())('search on %s', (kind) => {
  let db: Db;
  let caller: Caller;
  let all: Listing[];

  beforeAll(async () => {
    db = await createTestDb(kind);
    caller = await anonymousCaller(db.prisma);
    const userId = (await createUser(db.prisma, { username: 'searched' })).id;
    all = [];
    for (const { desc, ...fields } of listings()) {
      const overrides: Prisma.PostUncheckedCreateInput | object = {
        ...fields,
        title: `${fields.property} in ${fields.city}`,
        postDetail: { create: { desc } },
      };
      const post = await createPost(db.prisma, userId, overrides);
      all.push({ ...fields, desc, id: post.id });
    }
    // Statistics, as a database in use has: keyword searches choose their way by the planner's estimates.
    await db.prisma.$executeRaw`ANALYZE "Post"`;
  });
  afterAll(() => db.close());

  const cases: Array<[string, SearchInput]> = [
    ['everything', {}],
    ['a city, in any letter case', { city: '  dENVER ' }],
    ['a type', { type: 'rent' }],
    ['a property', { property: 'condo' }],
    ['a minimum price', { minPrice: 250_000 }],
    ['a maximum price', { maxPrice: 1_100 }],
    ['a price range', { minPrice: 1_000, maxPrice: 300_000 }],
    ['at least 3 bedrooms', { minBedrooms: 3 }],
    ['at least 0 bedrooms (all)', { minBedrooms: 0 }],
    ['at least 2 bathrooms', { minBathrooms: 2 }],
    ['a map area', { bounds: { south: 39.7, north: 39.8, west: -105.05, east: -104.95 } }],
    ['a map area across the antimeridian', { bounds: { south: -18, north: -17, west: 179.8, east: -179.9 } }],
    ['a map area with nothing in it', { bounds: { south: 10, north: 11, west: 10, east: 11 } }],
    [
      'everything combined',
      { city: 'boise', type: 'rent', property: 'apartment', minPrice: 500, maxPrice: 2000, minBedrooms: 0, minBathrooms: 1 },
    ],
    ['rent, 2+ bedrooms, by price', { type: 'rent', minBedrooms: 2, sort: 'price_asc' }],
    ['buy, most expensive first', { type: 'buy', sort: 'price_desc' }],
    ['an area and a type, by price', { bounds: { south: 30, north: 50, west: -120, east: -100 }, type: 'buy', sort: 'price_asc' }],
  ];

  it.each(cases)('filters by %s, page by page in its order, with the total', async (_, input) => {
    for (const limit of [5, 50]) {
      const want = expected(all, input);
      const { ids, totals } = await allPages(caller, { ...input, limit });
      expect(ids).toEqual(want);
      expect(totals).toEqual([want.length]);
    }
  });

  it('returns each card as stored, its time included, whatever the time zone', async () => {
    const { items } = await caller.post.search({ limit: 50 });
    for (const item of items) {
      const listing = all.find((l) => l.id === item.id);
      expect(item.createdAt).toEqual(listing?.createdAt);
      expect(item).toMatchObject({ price: listing?.price, latitude: listing?.latitude, type: listing?.type, images: expect.any(Array) });
    }
  });

  it('orders each sort with ties broken by id, so pages never overlap', async () => {
    for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
      const { ids } = await allPages(caller, { sort, limit: 7 });
      expect(ids).toEqual(expected(all, { sort }));
      expect(new Set(ids).size).toBe(all.length);
    }
  });

  it('finds words in the title, address, city and description, stemmed and as prefixes', async () => {
    const search = async (q: string) => (await allPages(caller, { q, limit: 50 })).ids.sort();
    const withDesc = (pattern: RegExp) =>
      all
        .filter((l) => pattern.test(l.desc))
        .map((l) => l.id)
        .sort();
    // Words are stemmed: "garden" finds "Gardens" and "garden", "gardens" finds "garden".
    expect(await search('garden')).toEqual(withDesc(/garden/i));
    expect(await search('GARDENS')).toEqual(withDesc(/garden/i));
    expect(await search('garages')).toEqual(withDesc(/garage/i));
    expect(await search('gard')).toEqual([]);
    // Every word must match; punctuation and stop words are ignored.
    expect(await search('sunny, balcony!')).toEqual(withDesc(/sunny balcony/i));
    expect(await search('the balcony')).toEqual(withDesc(/balcony/i));
    expect(await search('the')).toEqual(all.map((l) => l.id).sort());
    // The city and the title are searched too.
    expect(await search('fiji')).toEqual(
      all
        .filter((l) => l.city === 'Fiji Town')
        .map((l) => l.id)
        .sort(),
    );
    expect(await search('condo boise')).toEqual(
      all
        .filter((l) => l.city === 'Boise' && l.property === 'condo')
        .map((l) => l.id)
        .sort(),
    );
    expect(await search('zzzz')).toEqual([]);
    // Small pages of a frequent word walk the newest-first index instead of collecting every match: the same answer.
    const walked = await allPages(caller, { q: 'garden', limit: 2 });
    expect(walked.ids).toEqual(expected(all, {}).filter((id) => withDesc(/garden/i).includes(id)));
    expect(walked.totals).toEqual([withDesc(/garden/i).length]);
    // With other filters, and in price order.
    const combined = await allPages(caller, { q: 'garden', type: 'rent', sort: 'price_desc', limit: 3 });
    expect(combined.ids).toEqual(expected(all, { type: 'rent', sort: 'price_desc' }).filter((id) => withDesc(/garden/i).includes(id)));
    // In a city (whose words the index looks up with the keywords), two-word cities included.
    for (const city of ['Denver', 'fiji town']) {
      const inCity = await allPages(caller, { q: 'garden', city, limit: 2 });
      expect(inCity.ids).toEqual(expected(all, { city }).filter((id) => withDesc(/garden/i).includes(id)));
      expect(inCity.ids.length).toBeGreaterThan(0);
    }
  });

  it('never repeats or skips a listing that was there throughout, while others are added', async () => {
    const userId = (await createUser(db.prisma)).id;
    for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
      const input: SearchInput = { city: 'denver', sort, limit: 4 };
      const before = expected(all, input);
      const seen: string[] = [];
      let cursor: string | undefined;
      let added = 0;
      do {
        const page = await caller.post.search({ ...input, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor ?? undefined;
        // Newer, cheaper, dearer and tied listings arrive between pages.
        for (const price of [1, 950, 400_000, 10_000_000]) {
          await createPost(db.prisma, userId, { city: 'Denver', price, createdAt: new Date(Date.UTC(2026, 5, 1 + (added % 16))) });
          added++;
        }
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => before.includes(id))).toEqual(before);
      await db.prisma.post.deleteMany({ where: { userId } });
    }
  });

  it('counts totals exactly from the map cells, or up to 10,000 and says so', async () => {
    const userId = (await createUser(db.prisma)).id;
    await db.prisma.$executeRaw`
      INSERT INTO "Post" ("id", "title", "price", "images", "address", "city", "cityKey", "bedroom", "bathroom", "latitude", "longitude", "type", "property", "updatedAt", "userId")
      SELECT gen_random_uuid(), 'Bulk home', 1000 + i, '{}', i || ' Bulk St', 'Bulkville', 'bulkville', 1, 1, 0, 0, 'rent', 'house', now(), ${userId}::uuid
      FROM generate_series(0, 10000) AS i`;
    // Filters the map's cells keep are added up from them: exact, however many.
    expect(await caller.post.search({ city: 'bulkville', limit: 1 })).toMatchObject({ total: 10_001, totalCapped: false });
    expect(await caller.post.search({ city: 'bulkville', type: 'rent', minBedrooms: 1, limit: 1 })).toMatchObject({
      total: 10_001,
      totalCapped: false,
    });
    const around = { south: -1, north: 1, west: -1, east: 1 };
    expect(await caller.post.search({ type: 'rent', bounds: around, limit: 1 })).toMatchObject({ total: 10_001, totalCapped: false });
    // Others (prices, keywords) are counted, up to the cap.
    expect(await caller.post.search({ city: 'bulkville', minPrice: 1_000, limit: 1 })).toMatchObject({ total: 10_000, totalCapped: true });
    expect(await caller.post.search({ city: 'bulkville', maxPrice: 10_999, limit: 1 })).toMatchObject({
      total: 10_000,
      totalCapped: false,
    });
    expect(await caller.post.search({ city: 'bulkville', maxPrice: 1_009, limit: 1 })).toMatchObject({ total: 10, totalCapped: false });
    await db.prisma.post.deleteMany({ where: { userId } });
  });

  it('finds the cheapest, dearest and newest of thousands of keyword matches, page after page', async () => {
    // Thousands of matches (too many to collect), too rare for a walk in price order to be
    // short, are collected a price window at a time: the first window, sized from the
    // keyword's estimated rate, holds only cheap listings without the word here, so it is
    // widened. The answer is the same as sorting every match. 2,500 of 30,000 listings
    // match, two at each price from 200 on; the 27,500 others cost 100 to 250.
    const userId = (await createUser(db.prisma)).id;
    await db.prisma.$executeRaw`
      INSERT INTO "Post" ("id", "title", "price", "images", "address", "city", "cityKey", "bedroom", "bathroom", "latitude", "longitude", "type", "property", "updatedAt", "userId")
      SELECT gen_random_uuid(), CASE WHEN i % 12 = 0 THEN 'Cellar loft' ELSE 'Plain flat' END,
             CASE WHEN i % 12 = 0 THEN 200 + i / 24 ELSE 100 + i / 200 END,
             '{}', i || ' Bulk St', 'Bulkville', 'bulkville', 1, 1, 0, 0, 'rent', 'house', now(), ${userId}::uuid
      FROM generate_series(0, 29999) AS i`;
    await db.prisma.$executeRawUnsafe('ANALYZE "Post"');
    try {
      const cellars = await db.prisma.post.findMany({
        where: { title: 'Cellar loft' },
        select: { id: true, price: true, createdAt: true },
      });
      const byPrice = (a: { id: string; price: number }, b: { id: string; price: number }) => a.price - b.price || (a.id < b.id ? -1 : 1);
      const cheapest = [...cellars].sort(byPrice).map((c) => c.id);
      const dearest = [...cellars]
        .sort((a, b) => byPrice(b, a))
        .filter((c) => c.price <= 1_000)
        .map((c) => c.id);
      // In newest order, keywords alone walk the listings newest first (they are stored so), counting matches up to the cap.
      const newest = [...cellars].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1)).map((c) => c.id);
      for (const [input, ids] of [
        [{ q: 'cellars', sort: 'price_asc' }, cheapest],
        [{ q: 'cellar', sort: 'price_desc', maxPrice: 1_000 }, dearest],
        [{ q: 'cellar', sort: 'newest' }, newest],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 4; page++) {
          const result = await caller.post.search({ ...input, limit: 50, cursor });
          expect(result).toMatchObject({ total: 1_000, totalCapped: true });
          seen.push(...result.items.map((item) => item.id));
          cursor = result.nextCursor ?? undefined;
        }
        expect(seen).toEqual(ids.slice(0, 200));
      }
    } finally {
      await db.prisma.post.deleteMany({ where: { userId } });
      await db.prisma.$executeRawUnsafe('ANALYZE "Post"');
    }
  });

  it('refuses bad input with a message per field', async () => {
    expect(await fieldErrors(caller.post.search({ minPrice: 500, maxPrice: 100 }))).toEqual({
      maxPrice: ['Maximum price must be at least the minimum price'],
    });
    expect(await fieldErrors(caller.post.search({ bounds: { south: 40, north: 39, west: 0, east: 1 } }))).toEqual({
      'bounds.north': ['The north edge must not be south of the south edge'],
    });
    expect(
      await fieldErrors(
        caller.post.search({ minPrice: -1, minBedrooms: 51, minBathrooms: 1.5, bounds: { south: -91, north: 0, west: 0, east: 181 } }),
      ),
    ).toEqual({
      minPrice: ['Price cannot be negative'],
      minBedrooms: ['Bedrooms must be at most 50'],
      minBathrooms: ['Bathrooms must be a whole number'],
      'bounds.south': ['Latitude is from -90 to 90'],
      'bounds.east': ['Longitude is from -180 to 180'],
    });
    // @ts-expect-error an unknown type, property or sort is refused before it reaches the database
    await expect(caller.post.search({ type: 'lease', property: 'castle', sort: 'random' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.post.search({ limit: 51 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a malformed, tampered or foreign cursor', async () => {
    const first = await caller.post.search({ limit: 2 });
    const cursor = first.nextCursor ?? '';
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...decoded, createdAt: 'yesterday' })).toString('base64url');
    const priceOrder = await caller.post.search({ limit: 2, sort: 'price_asc' });
    const mine = await caller.post.byUser({ username: 'searched', limit: 1 });
    for (const bad of ['garbage', tampered, 'x'.repeat(400), mine.nextCursor ?? '']) {
      await expect(caller.post.search({ cursor: bad })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/Invalid cursor/),
      });
    }
    // A cursor of one order used with another is refused too.
    await expect(caller.post.search({ cursor: priceOrder.nextCursor ?? '', sort: 'newest' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('suggests cities by prefix, most listings first, with their counts', async () => {
    expect(await caller.post.cities({ prefix: 'B' })).toEqual([{ name: 'Boise', count: 16 }]);
    expect(await caller.post.cities({ prefix: ' de' })).toEqual([{ name: 'Denver', count: 16 }]);
    expect((await caller.post.cities({ prefix: '' })).map((city) => city.name)).toEqual(
      expect.arrayContaining(['Boise', 'Denver', 'Fiji Town']),
    );
    expect(await caller.post.cities({ prefix: '_' })).toEqual([]);
    expect(await caller.post.cities({ prefix: '%' })).toEqual([]);
    expect(await caller.post.cities({ prefix: 'zz' })).toEqual([]);
  });

  it('adds up map cells to exactly what grouping the listings gives, edges included', async () => {
    // Price and rooms together, which no cell table keeps, make the same request group the
    // listings themselves (minBathrooms 0 filters nothing).
    const views = [
      { south: 24, north: 50, west: -125, east: -66 },
      { south: 39.7, north: 39.8, west: -105.05, east: -104.95 },
      // Cuts through Denver's homes: the edge cells hold some of them.
      { south: 39.715, north: 39.9, west: -105.5, east: -104.995 },
    ];
    const summary = (result: {
      clusters: Array<{ count: number }>;
      homes: Array<{ id: string; price: number; property: string }>;
      total: number;
    }) => ({
      total: result.total,
      clusters: result.clusters.map((c) => c.count).sort((a, b) => a - b),
      // A cell of one home is that home, with its price, whichever way it was counted.
      homes: result.homes.map((home) => `${home.id} ${home.price} ${home.property}`).sort(),
    });
    for (const bounds of views) {
      for (const zoom of [3, 6, 9, 11, 13]) {
        for (const filters of [
          {},
          { type: 'rent' as const, minBedrooms: 2 },
          { city: 'Denver', property: 'house' as const },
          // Price bands: whole ones from the cells, the range's end bands from the listings.
          // (Rents of 950 and 1,250 share an end band with 960 and 1,260, on either side of them.)
          { minPrice: 200_000, maxPrice: 400_000 },
          { type: 'rent' as const, minPrice: 960, maxPrice: 1_260 },
          { maxPrice: 1_100 },
          { minPrice: 1_500 },
        ]) {
          const cells = await caller.post.mapClusters({ ...filters, bounds, zoom });
          const listed = await caller.post.mapClusters({ minPrice: 0, ...filters, bounds, zoom, minBathrooms: 0 });
          expect(summary(cells), JSON.stringify({ bounds, zoom, filters })).toEqual(summary(listed));
          expect(cells.total).toBe((await caller.post.search({ ...filters, bounds, limit: 1 })).total);
        }
      }
    }
  });

  it('shows every matching home on the map, with the same total as the list', async () => {
    const country = { south: 24, north: 50, west: -125, east: -66 };
    for (const input of [{}, { type: 'rent' as const }, { minBedrooms: 2, maxPrice: 250_000 }, { q: 'garden' }]) {
      const list = await caller.post.search({ ...input, bounds: country, limit: 1 });
      const map = await caller.post.mapClusters({ ...input, bounds: country, zoom: 4 });
      expect(map.total).toBe(list.total);
      expect(map.clusters.reduce((sum, c) => sum + c.count, 0) + map.homes.length).toBe(list.total);
    }
    // Zoomed out, a city's homes are one cluster at their mean position, spanning them all.
    const denver = all.filter((l) => l.city === 'Denver');
    const zoomedOut = await caller.post.mapClusters({ bounds: { south: 30, north: 45, west: -110, east: -100 }, zoom: 5 });
    expect(zoomedOut.homes).toEqual([]);
    expect(zoomedOut.clusters).toHaveLength(1);
    expect(zoomedOut.clusters[0]?.count).toBe(denver.length);
    expect(zoomedOut.clusters[0]?.latitude).toBeCloseTo(denver.reduce((sum, l) => sum + l.latitude, 0) / denver.length, 6);
    // A click zooms to an area of the view that holds all of them.
    const area = zoomedOut.clusters[0]?.bounds;
    for (const home of denver) {
      expect(home.latitude).toBeGreaterThanOrEqual(area?.south ?? Number.NaN);
      expect(home.latitude).toBeLessThanOrEqual(area?.north ?? Number.NaN);
      expect(home.longitude).toBeGreaterThanOrEqual(area?.west ?? Number.NaN);
      expect(home.longitude).toBeLessThanOrEqual(area?.east ?? Number.NaN);
    }
    // Zoomed in to the street, each home on its own with its price.
    const streets = await caller.post.mapClusters({
      bounds: { south: 39.7, north: 39.8, west: -105.05, east: -104.95 },
      zoom: 17,
      type: 'buy',
    });
    const buys = expected(all, { type: 'buy', bounds: { south: 39.7, north: 39.8, west: -105.05, east: -104.95 } });
    expect(streets.clusters).toEqual([]);
    expect(streets.homes.map((home) => home.id).sort()).toEqual([...buys].sort());
    for (const home of streets.homes) expect(home).toMatchObject({ price: all.find((l) => l.id === home.id)?.price, type: 'buy' });
    // Across the antimeridian.
    const fiji = await caller.post.mapClusters({ bounds: { south: -18, north: -17, west: 179.8, east: -179.9 }, zoom: 3 });
    expect(fiji.total).toBe(all.filter((l) => l.city === 'Fiji Town').length);
    await expect(caller.post.mapClusters({ bounds: { south: 1, north: 0, west: 0, east: 1 }, zoom: 30 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
