import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '../src/client.js';
import { seedDemo } from '../src/seed/index.js';
import { createTestDb, testDbKinds } from '../src/testing.js';

// The search document, the city counts and the map cells are kept by the database itself
// (triggers in the migrations "search", "map_cells" and "map_price_cells"), whatever writes the listings: Prisma,
// the seed's bulk inserts, or SQL.

/** The words of a listing's search document. */
async function words(prisma: PrismaClient, id: string): Promise<string[]> {
  const [row] = await prisma.$queryRaw<Array<{ words: string[] }>>`
    SELECT tsvector_to_array("search") AS words FROM "Post" WHERE "id" = ${id}::uuid`;
  return row?.words ?? [];
}

async function cities(prisma: PrismaClient) {
  return (await prisma.city.findMany({ orderBy: { key: 'asc' } })).map(({ key, name, count }) => [key, name, count]);
}

/** Rows whose stored document, city count or map cell differs from what the listings say. */
async function drift(prisma: PrismaClient) {
  const [documents] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM "Post" p LEFT JOIN "PostDetail" d ON d."postId" = p."id"
    WHERE p."search" IS DISTINCT FROM estate_search_document(p."title", p."address", p."city", d."desc")`;
  const [counts] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (SELECT "cityKey", count(*)::int AS c FROM "Post" GROUP BY "cityKey") p
    FULL JOIN "City" c ON c."key" = p."cityKey" WHERE p.c IS DISTINCT FROM c."count"`;
  const [cells] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (
      SELECT c.zoom, c.x, c.y, p."cityKey", p."type", p."property", least(p."bedroom", 5) AS bedroom, least(p."bathroom", 4) AS bathroom,
             count(*)::int AS count, sum(p."latitude") AS lat, sum(p."longitude") AS lng
      FROM "Post" p CROSS JOIN LATERAL estate_map_cells_of(p) c GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ) e FULL JOIN "MapCell" m USING ("zoom", "x", "y", "cityKey", "type", "property", "bedroom", "bathroom")
    WHERE e.count IS DISTINCT FROM m."count" OR abs(e.lat - m."sumLatitude") > 1e-6 OR abs(e.lng - m."sumLongitude") > 1e-6`;
  const [priceCells] = await prisma.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM (
      SELECT c.zoom, c.x, c.y, p."type", estate_price_band(p."price") AS band,
             count(*)::int AS count, sum(p."latitude") AS lat, sum(p."longitude") AS lng
      FROM "Post" p CROSS JOIN LATERAL estate_map_cells_of(p) c WHERE c.zoom <= 9 GROUP BY 1, 2, 3, 4, 5
    ) e FULL JOIN "MapPriceCell" m USING ("zoom", "x", "y", "type", "band")
    WHERE e.count IS DISTINCT FROM m."count" OR abs(e.lat - m."sumLatitude") > 1e-6 OR abs(e.lng - m."sumLongitude") > 1e-6`;
  return { documents: documents?.n, counts: counts?.n, cells: cells?.n, priceCells: priceCells?.n };
}

function listing(userId: string, city: string, title = 'Loft with a view') {
  return {
    title,
    price: 1000,
    images: [],
    address: '1 Elm St',
    city,
    cityKey: city.toLowerCase(),
    bedroom: 1,
    bathroom: 1,
    latitude: 40,
    longitude: -100,
    type: 'rent' as const,
    property: 'apartment' as const,
    userId,
  };
}

describe.each(testDbKinds())('search documents and city counts on %s', (kind) => {
  it('are written with the demo data, without a second write per listing', async () => {
    const db = await createTestDb(kind);
    try {
      await seedDemo(db.prisma, { posts: 120, seed: 5, passwordHash: 'x' });
      expect(await drift(db.prisma)).toEqual({ documents: 0, counts: 0, cells: 0, priceCells: 0 });
      // Written once: no listing row was updated after its insert.
      const [updated] = await db.prisma.$queryRaw<Array<{ n: number }>>`
        SELECT n_tup_upd::int AS n FROM pg_stat_user_tables WHERE relname = 'Post'`;
      if (kind === 'postgres') expect(updated?.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('follow a listing and its description through every change', async () => {
    const db = await createTestDb(kind);
    try {
      const user = await db.prisma.user.create({ data: { email: 'w@example.com', username: 'writer', passwordHash: 'x' } });
      const post = await db.prisma.post.create({
        data: { ...listing(user.id, 'Boise', 'Cottage with gardens'), postDetail: { create: { desc: 'A wood fireplace and a balcony.' } } },
      });
      expect(await words(db.prisma, post.id)).toEqual(expect.arrayContaining(['cottag', 'garden', 'bois', 'fireplac', 'balconi']));

      await db.prisma.postDetail.update({ where: { postId: post.id }, data: { desc: 'Now with a sauna.' } });
      expect(await words(db.prisma, post.id)).toEqual(expect.arrayContaining(['sauna']));
      expect(await words(db.prisma, post.id)).not.toContain('fireplac');

      await db.prisma.post.update({ where: { id: post.id }, data: { title: 'Bungalow', city: 'Reno', cityKey: 'reno' } });
      expect(await words(db.prisma, post.id)).toEqual(expect.arrayContaining(['bungalow', 'reno', 'sauna']));
      expect(await words(db.prisma, post.id)).not.toContain('garden');

      await db.prisma.postDetail.delete({ where: { postId: post.id } });
      expect(await words(db.prisma, post.id)).not.toContain('sauna');
      expect(await drift(db.prisma)).toEqual({ documents: 0, counts: 0, cells: 0, priceCells: 0 });
    } finally {
      await db.close();
    }
  });

  it('count listings per city and map cell as they are added, moved and removed', async () => {
    const db = await createTestDb(kind);
    try {
      const user = await db.prisma.user.create({ data: { email: 'c@example.com', username: 'counter', passwordHash: 'x' } });
      await db.prisma.post.createMany({ data: [listing(user.id, 'Boise'), listing(user.id, 'Boise'), listing(user.id, 'Reno')] });
      expect(await cities(db.prisma)).toEqual([
        ['boise', 'Boise', 2],
        ['reno', 'Reno', 1],
      ]);

      const [first] = await db.prisma.post.findMany({ where: { cityKey: 'boise' } });
      await db.prisma.post.update({ where: { id: first?.id }, data: { city: 'Reno', cityKey: 'reno', latitude: 39.5, bedroom: 7 } });
      await db.prisma.post.updateMany({ where: { cityKey: 'reno' }, data: { price: 900 } }); // moves no map cell, only price bands
      expect(await drift(db.prisma)).toEqual({ documents: 0, counts: 0, cells: 0, priceCells: 0 });
      expect(await db.prisma.mapCell.aggregate({ where: { zoom: 13 }, _sum: { count: true } })).toEqual({ _sum: { count: 3 } });
      expect(
        await db.prisma.mapPriceCell.groupBy({ by: ['band'], where: { zoom: 9 }, _sum: { count: true }, orderBy: { band: 'asc' } }),
      ).toEqual([
        { band: 157, _sum: { count: 2 } }, // 900: 16 × log2(900) = 157.03
        { band: 159, _sum: { count: 1 } }, // 1,000: 159.46
      ]);
      expect(await cities(db.prisma)).toEqual([
        ['boise', 'Boise', 1],
        ['reno', 'Reno', 2],
      ]);

      // A new spelling of the same city is its name from then on.
      await db.prisma.post.create({ data: listing(user.id, 'RENO') });
      expect(await cities(db.prisma)).toEqual([
        ['boise', 'Boise', 1],
        ['reno', 'RENO', 3],
      ]);

      await db.prisma.post.deleteMany({ where: { cityKey: 'boise' } });
      await db.prisma.user.delete({ where: { id: user.id } }); // its listings go by cascade
      expect(await cities(db.prisma)).toEqual([]);
      expect(await drift(db.prisma)).toEqual({ documents: 0, counts: 0, cells: 0, priceCells: 0 });
    } finally {
      await db.close();
    }
  });
});
