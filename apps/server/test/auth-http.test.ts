import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { tempStorage } from './fixtures.js';
import { mutate } from './trpc-http.js';

// What only HTTP shows: real Set-Cookie headers, cookies carried by a client, Origin
// checks on real requests, the 429 status with Retry-After, and X-Forwarded-* behind a proxy.

const config = { webDistDir: null, trustProxy: 0, logRequests: false, trustedOrigins: [] };
const rateLimits = { authPerIp: { max: 3, windowMs: 60_000 }, authPerIdentifier: { max: 100, windowMs: 60_000 } };

async function me(base: string, cookie: string) {
  const response = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
  return superjson.deserialize<{ username: string } | null>(((await response.json()) as { result: { data: never } }).result.data);
}

describe.each(testDbKinds())('sessions over HTTP on %s', (kind) => {
  let db: Db;
  let server: RunningServer;
  let proxied: RunningServer;

  beforeAll(async () => {
    db = await createTestDb(kind);
    server = await startServer({ prisma: db.prisma, storage: tempStorage(), config, rateLimits, port: 0, host: '127.0.0.1' });
    proxied = await startServer({
      prisma: db.prisma,
      storage: tempStorage(),
      config: { ...config, trustProxy: 1 },
      rateLimits,
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server.close(1000);
    await proxied.close(1000);
    await db.close();
  });

  it('sets the session cookie on register and honours it until logout', async () => {
    const response = await mutate(server.url, 'auth.register', {
      email: 'web@example.com',
      username: 'web_user',
      password: 'a long password',
    });
    expect(response.status).toBe(200);
    const [setCookie, ...more] = response.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(setCookie).toMatch(/^estate_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
    const cookie = setCookie?.split(';')[0] ?? '';

    expect(await me(server.url, cookie)).toMatchObject({ username: 'web_user' });
    const logout = await mutate(server.url, 'auth.logout', undefined, { cookie });
    expect(logout.headers.getSetCookie()[0]).toMatch(/^estate_session=; .*Max-Age=0/);
    expect(await me(server.url, cookie)).toBeNull();
  });

  it('treats a session cookie that is not valid percent-encoding as signed out, and clears it', async () => {
    for (const procedure of ['auth.me', 'health.check']) {
      const response = await fetch(`${server.url}/trpc/${procedure}`, { headers: { cookie: 'estate_session=%E0%A4%A' } });
      expect(response.status, procedure).toBe(200);
      expect(response.headers.getSetCookie()[0], procedure).toMatch(/^estate_session=; .*Max-Age=0/);
    }
    expect(await me(server.url, 'estate_session=%E0%A4%A')).toBeNull();
  });

  it('marks the cookie Secure behind a trusted HTTPS proxy', async () => {
    const response = await mutate(
      proxied.url,
      'auth.register',
      { email: 'tls@example.com', username: 'tls_user', password: 'a long password' },
      {
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '198.51.100.7',
        origin: proxied.url.replace('http:', 'https:'),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/; Secure$/);
  });

  it('refuses a cross-site mutation with 403', async () => {
    const response = await mutate(
      server.url,
      'auth.register',
      { email: 'evil@example.com', username: 'evil_user', password: 'a long password' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await db.prisma.user.count({ where: { email: 'evil@example.com' } })).toBe(0);
  });

  it('answers too many attempts with 429 and Retry-After, per client address behind the proxy', async () => {
    const attempt = (ip: string) =>
      mutate(proxied.url, 'auth.login', { identifier: 'someone', password: 'wrong password' }, { 'x-forwarded-for': `203.0.113.1, ${ip}` });
    for (let i = 0; i < 3; i++) expect((await attempt('192.0.2.10')).status).toBe(401);
    const limited = await attempt('192.0.2.10');
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { error: { json: { message: string; data: { retryAfterSeconds: number } } } };
    expect(body.error.json.data.retryAfterSeconds).toBe(retryAfter);
    // The leftmost X-Forwarded-For entry is the client's own claim: changing it does not help…
    expect(
      (
        await mutate(
          proxied.url,
          'auth.login',
          { identifier: 'someone', password: 'wrong password' },
          { 'x-forwarded-for': '1.2.3.4, 192.0.2.10' },
        )
      ).status,
    ).toBe(429);
    // …while another real address is not limited.
    expect((await attempt('192.0.2.11')).status).toBe(401);
  });
});
