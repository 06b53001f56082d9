import { createSession } from '@estate/api';
import { FIRST_PAGE_ELEMENT_ID } from '@estate/api/schemas';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import superjson, { type SuperJSONResult } from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { boiseRental, tempStorage, webFixture } from './fixtures.js';
import { query, resultOf } from './trpc-http.js';

const config = { webDistDir: webFixture(), trustProxy: 0, logRequests: false, trustedOrigins: [] };
type Page = { items: Array<{ id: string; title: string; price: number; isSaved: boolean; createdAt: Date }>; total: number };

/** The search page's HTML, and the first page of results in it (null when it has none). */
async function searchPage(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const html = await response.text();
  const embedded = new RegExp(`<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">(.*?)</script>`, 's').exec(html)?.[1];
  const data = embedded ? (JSON.parse(embedded) as { input: unknown; page: SuperJSONResult }) : null;
  return { response, html, input: data?.input, page: data ? superjson.deserialize<Page>(data.page) : null };
}

describe.each(testDbKinds())('the search page on %s', (kind) => {
  let db: Db;
  let server: RunningServer;
  let token: string;
  let savedId: string;

  beforeAll(async () => {
    db = await createTestDb(kind);
    const user = await db.prisma.user.create({ data: { email: 'page@example.com', username: 'page_user', passwordHash: 'x' } });
    await boiseRental(db.prisma, user.id, { title: 'Loft by the river', price: 2100 });
    savedId = (await boiseRental(db.prisma, user.id, { title: 'Flat </script><script>alert(1)</script>', price: 1900 })).id;
    await db.prisma.savedPost.create({ data: { userId: user.id, postId: savedId } });
    token = (await createSession(db.prisma, user.id)).token;
    server = await startServer({ prisma: db.prisma, storage: tempStorage(), config, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close(1000);
    await db.close();
  });

  it('carries its first page of results, as post.search answers the same search, for this visitor only', async () => {
    const { response, html, input, page } = await searchPage(`${server.url}/search?city=Boise&sort=price_asc`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain('<div id="root"></div>');
    expect(input).toEqual({ city: 'Boise', sort: 'price_asc', limit: 12 });
    const asked = await resultOf<Page>(await query(server.url, 'post.search', input));
    expect(page).toEqual(asked);
    expect(page?.items.map((item) => item.price)).toEqual([1900, 2100]);
    expect(page?.items[0]?.createdAt).toBeInstanceOf(Date);
    // A title cannot end the data's element and start a script of its own.
    expect(html).not.toContain('</script><script>alert(1)');
    expect(page?.items[0]?.title).toBe('Flat </script><script>alert(1)</script>');
  });

  it('marks the homes the signed-in visitor saved, as post.search would for them', async () => {
    const signedOut = await searchPage(`${server.url}/search`);
    const signedIn = await searchPage(`${server.url}/search`, { cookie: `estate_session=${token}` });
    const saved = (page: Page | null) => page?.items.find((item) => item.id === savedId)?.isSaved;
    expect(saved(signedOut.page)).toBe(false);
    expect(saved(signedIn.page)).toBe(true);
  });

  it('is the page as built when the search is refused, so the app asks and shows why', async () => {
    const { response, html, page } = await searchPage(`${server.url}/search?minPrice=500&maxPrice=100`);
    expect(response.status).toBe(200);
    expect(page).toBeNull();
    expect(html).toBe('<!doctype html><title>Estate</title><div id="root"></div>');
  });
});
