import { existsSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { sweepUnusedUploads } from '@estate/api';
import type { Db } from '@estate/db';
import { createTestDb, testDbKinds } from '@estate/db/testing';
import ExifReader from 'exifreader';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.js';
import { tempStorage } from './fixtures.js';
import { errorOf, mutate, query, resultOf, signUp } from './trpc-http.js';

// Photos over real HTTP: multipart parsing, recognition by bytes, size limits, re-encoding
// (EXIF and GPS gone, orientation applied), serving, ownership in listings and avatars,
// and removal of files nothing uses.

const config = { webDistDir: null, trustProxy: 0, logRequests: false, trustedOrigins: [] };
// Every test signs up from this machine's address.
const signUps = { authPerIp: { max: 1000, windowMs: 60_000 } };

/** A real camera-like JPEG: 64×32 pixels stored sideways (EXIF orientation 6) with a GPS position. */
function cameraJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: '#3a6' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '40/1 26/1 46/1', GPSLongitudeRef: 'W', GPSLongitude: '79/1 58/1 56/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

function png(width = 2400, height = 1600): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#48c' } })
    .png()
    .toBuffer();
}

function upload(base: string, cookie: string, file: Blob, name = 'photo.jpg', field = 'file') {
  const form = new FormData();
  form.append(field, file, name);
  return fetch(`${base}/api/uploads`, { method: 'POST', headers: { cookie, origin: base }, body: form });
}

async function uploaded(base: string, cookie: string, bytes: Buffer): Promise<string> {
  const response = await upload(base, cookie, new Blob([bytes]));
  expect(response.status).toBe(201);
  return ((await response.json()) as { url: string }).url;
}

/**
 * Sends headers announcing `declared` bytes (or chunked), then body bytes until the server
 * answers; resolves with the status and how much was sent by then.
 */
function sendUntilAnswered(base: string, cookie: string, declared: number | null): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const boundary = 'estate-test-boundary';
    const req = request(`${base}/api/uploads`, {
      method: 'POST',
      headers: {
        cookie,
        origin: base,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(declared === null ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(declared) }),
      },
    });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0xab);
    const pump = () => {
      if (answered) return;
      if (sent === 0) {
        const head = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        );
        sent += head.length;
        req.write(head);
      }
      if (sent > 30 * 1024 * 1024) return reject(new Error('the server never answered'));
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(pump);
      else req.once('drain', pump);
    };
    pump();
  });
}

describe.each(testDbKinds())('photo uploads over HTTP on %s', (kind) => {
  let db: Db;
  let server: RunningServer;
  const storage = tempStorage();

  beforeAll(async () => {
    db = await createTestDb(kind);
    server = await startServer({
      prisma: db.prisma,
      storage,
      config,
      rateLimits: { ...signUps, uploads: { max: 30, windowMs: 60_000 } },
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await server.close(1000);
    await db.close();
  });

  it('re-encodes a camera JPEG: upright, resized copies, no EXIF or GPS left', async () => {
    const { cookie } = await signUp(server.url);
    const original = await cameraJpeg();
    expect(ExifReader.load(original).GPSLatitude).toBeDefined(); // the fixture does carry a position

    const response = await upload(server.url, cookie, new Blob([original], { type: 'image/jpeg' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { url: string; width: number; height: number };
    expect(body.url).toMatch(/^\/uploads\/[0-9a-f-]{36}\/lg\.webp$/);
    expect([body.width, body.height]).toEqual([32, 64]); // orientation 6: turned upright

    for (const size of ['sm', 'md', 'lg']) {
      const file = await fetch(`${server.url}${body.url.replace('/lg.webp', `/${size}.webp`)}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/webp');
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toBe("default-src 'none'");
      const bytes = Buffer.from(await file.arrayBuffer());
      const metadata = await sharp(bytes).metadata();
      expect(metadata).toMatchObject({ format: 'webp', width: 32, height: 64 });
      expect(metadata.exif).toBeUndefined();
      const tags = ExifReader.load(bytes);
      expect(Object.keys(tags).filter((tag) => /GPS|Make|Orientation/.test(tag))).toEqual([]);
    }
  });

  it('makes card, gallery and full sizes of a large photo, never enlarging', async () => {
    const { cookie } = await signUp(server.url);
    const url = await uploaded(server.url, cookie, await png(2400, 1600));
    const widths: number[] = [];
    for (const size of ['sm', 'md', 'lg']) {
      const bytes = Buffer.from(await (await fetch(`${server.url}${url.replace('/lg.webp', `/${size}.webp`)}`)).arrayBuffer());
      widths.push((await sharp(bytes).metadata()).width ?? 0);
    }
    expect(widths).toEqual([480, 1024, 1920]);
    const id = url.split('/')[2] ?? '';
    expect(await db.prisma.upload.findUnique({ where: { id }, select: { width: true, height: true } })).toEqual({
      width: 1920,
      height: 1280,
    });
  });

  it('recognises photos by their bytes, not their name or declared type', async () => {
    const { cookie } = await signUp(server.url);
    const text = await upload(server.url, cookie, new Blob(['just some text, not a photo'], { type: 'image/jpeg' }), 'holiday.jpg');
    expect(text.status).toBe(400);
    expect(await text.json()).toEqual({ error: 'Only JPEG, PNG and WebP photos can be uploaded.' });

    const html = await upload(server.url, cookie, new Blob(['<html><script>alert(1)</script></html>'], { type: 'image/png' }), 'x.png');
    expect(html.status).toBe(400);

    // A PNG named .jpg and declared as text is still a PNG.
    const disguised = await upload(server.url, cookie, new Blob([await png(100, 50)], { type: 'text/plain' }), 'photo.jpg');
    expect(disguised.status).toBe(201);

    // JPEG's first bytes followed by garbage.
    const broken = await upload(server.url, cookie, new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5])]));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toMatch(/could not be read as a photo/);
  });

  it('refuses anything but one multipart file field from a signed-in user on this site', async () => {
    const { cookie } = await signUp(server.url);
    const photo = new Blob([await png(10, 10)]);
    expect((await upload(server.url, '', photo)).status).toBe(401);
    const crossSite = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      body: (() => {
        const form = new FormData();
        form.append('file', photo, 'a.png');
        return form;
      })(),
    });
    expect(crossSite.status).toBe(403);
    expect((await upload(server.url, cookie, photo, 'a.png', 'image')).status).toBe(400);
    const json = await fetch(`${server.url}/api/uploads`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    expect((await fetch(`${server.url}/api/uploads`, { headers: { cookie } })).status).toBe(405);
    expect(await db.prisma.upload.count({ where: { user: { username: 'nobody' } } })).toBe(0);
  });

  it('refuses more than 10 MB with 413 before reading the whole body', async () => {
    const { cookie } = await signUp(server.url);
    const before = await db.prisma.upload.count();
    // Declared too large: refused at once, after at most what was already in flight.
    const declared = await sendUntilAnswered(server.url, cookie, 50 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(declared.sent).toBeLessThan(10 * 1024 * 1024);
    // Sent without a length: refused as soon as the file passes 10 MB.
    const streamed = await sendUntilAnswered(server.url, cookie, null);
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(20 * 1024 * 1024);
    expect(await db.prisma.upload.count()).toBe(before);
    // The server still answers normally afterwards.
    expect((await upload(server.url, cookie, new Blob([await png(10, 10)]))).status).toBe(201);
  });

  it('lets listings and avatars use only the uploader’s own photos (or the demo pictures)', async () => {
    const owner = await signUp(server.url);
    const other = await signUp(server.url);
    const mine = await uploaded(server.url, owner.cookie, await png(40, 30));
    const listing = {
      title: 'Garden flat near the park',
      price: 1800,
      address: '12 Elm St',
      city: 'Denver',
      bedroom: 2,
      bathroom: 1,
      latitude: 39.74,
      longitude: -104.99,
      type: 'rent',
      property: 'apartment',
      detail: { desc: 'Quiet and bright.' },
    };
    const stolen = await mutate(server.url, 'post.create', { ...listing, images: [mine] }, { cookie: other.cookie });
    expect(stolen.status).toBe(400);
    expect(await errorOf(stolen)).toMatchObject({ data: { code: 'BAD_REQUEST', field: 'images' } });
    const external = await mutate(
      server.url,
      'post.create',
      { ...listing, images: ['https://evil.example/x.jpg'] },
      { cookie: owner.cookie },
    );
    expect(external.status).toBe(400);
    const avatar = await mutate(server.url, 'user.update', { avatar: mine }, { cookie: other.cookie });
    expect(await errorOf(avatar)).toMatchObject({ data: { code: 'BAD_REQUEST', field: 'avatar' } });

    const created = await mutate(
      server.url,
      'post.create',
      { ...listing, images: [mine, '/images/demo/house-1.svg'] },
      { cookie: owner.cookie },
    );
    const { id } = await resultOf<{ id: string }>(created);
    const page = await resultOf<{ images: string[] }>(await query(server.url, 'post.byId', { id }));
    expect(page.images).toEqual([mine, '/images/demo/house-1.svg']);
    expect((await mutate(server.url, 'user.update', { avatar: mine }, { cookie: owner.cookie })).status).toBe(200);
  });

  it('deletes a listing’s photo files once nothing else uses them', async () => {
    const { cookie } = await signUp(server.url);
    const [a, b, c] = [
      await uploaded(server.url, cookie, await png(20, 20)),
      await uploaded(server.url, cookie, await png(21, 20)),
      await uploaded(server.url, cookie, await png(22, 20)),
    ];
    const listing = (images: string[]) => ({
      title: 'Two photos shared',
      price: 250_000,
      images,
      address: '1 Oak Ave',
      city: 'Boise',
      bedroom: 3,
      bathroom: 2,
      latitude: 43.6,
      longitude: -116.2,
      type: 'buy',
      property: 'house',
      detail: { desc: 'A house.' },
    });
    const first = await resultOf<{ id: string }>(await mutate(server.url, 'post.create', listing([a, b]), { cookie }));
    const second = await resultOf<{ id: string }>(await mutate(server.url, 'post.create', listing([b]), { cookie }));
    expect((await mutate(server.url, 'user.update', { avatar: c }, { cookie })).status).toBe(200);
    const fileOf = (url: string, size = 'md') => path.join(storage.dir, url.split('/')[2] ?? '', `${size}.webp`);

    expect((await mutate(server.url, 'post.delete', { id: first.id }, { cookie })).status).toBe(200);
    expect((await fetch(`${server.url}${a}`)).status).toBe(404); // only the first listing used it
    expect(existsSync(fileOf(a))).toBe(false);
    expect((await fetch(`${server.url}${b}`)).status).toBe(200); // the second listing still does
    expect((await mutate(server.url, 'post.delete', { id: second.id }, { cookie })).status).toBe(200);
    expect(existsSync(fileOf(b, 'sm'))).toBe(false);
    expect(existsSync(path.dirname(fileOf(b)))).toBe(false);
    expect((await fetch(`${server.url}${c}`)).status).toBe(200); // the avatar stays
    expect(await db.prisma.upload.count({ where: { id: { in: [a, b].map((url) => url.split('/')[2] ?? '') } } })).toBe(0);
  });

  it('deletes the photos of an account when it is deleted', async () => {
    const account = await signUp(server.url);
    const listingPhoto = await uploaded(server.url, account.cookie, await png(24, 20));
    const avatar = await uploaded(server.url, account.cookie, await png(25, 20));
    const listing = {
      title: 'Cottage with a garden',
      price: 1200,
      images: [listingPhoto],
      address: '3 Lane',
      city: 'Austin',
      bedroom: 1,
      bathroom: 1,
      latitude: 30.27,
      longitude: -97.74,
      type: 'rent',
      property: 'house',
      detail: { desc: 'Small and green.' },
    };
    expect((await mutate(server.url, 'post.create', listing, { cookie: account.cookie })).status).toBe(200);
    expect((await mutate(server.url, 'user.update', { avatar }, { cookie: account.cookie })).status).toBe(200);

    const deleted = await mutate(server.url, 'user.delete', { password: account.password }, { cookie: account.cookie });
    expect(deleted.status).toBe(200);
    for (const url of [listingPhoto, avatar]) expect((await fetch(`${server.url}${url}`)).status).toBe(404);
    expect(await db.prisma.upload.count({ where: { id: { in: [listingPhoto, avatar].map((url) => url.split('/')[2] ?? '') } } })).toBe(0);
  });

  it('removes uploads that nothing used for a day, and only those', async () => {
    const { cookie } = await signUp(server.url);
    const unused = await uploaded(server.url, cookie, await png(30, 20));
    const used = await uploaded(server.url, cookie, await png(31, 20));
    expect((await mutate(server.url, 'user.update', { avatar: used }, { cookie })).status).toBe(200);
    const idOf = (url: string) => url.split('/')[2] ?? '';

    await sweepUnusedUploads(db.prisma, storage, new Date(Date.now() + 60 * 60_000));
    expect((await fetch(`${server.url}${unused}`)).status).toBe(200); // an hour old: the editor may still save it

    await sweepUnusedUploads(db.prisma, storage, new Date(Date.now() + 25 * 60 * 60_000));
    expect((await fetch(`${server.url}${unused}`)).status).toBe(404);
    expect(await db.prisma.upload.count({ where: { id: idOf(unused) } })).toBe(0);
    expect((await fetch(`${server.url}${used}`)).status).toBe(200);
    expect(await db.prisma.upload.count({ where: { id: idOf(used) } })).toBe(1);
  });

  it('limits uploads per user with 429 and Retry-After', async () => {
    const limited = await startServer({
      prisma: db.prisma,
      storage,
      config,
      rateLimits: { ...signUps, uploads: { max: 2, windowMs: 60_000 } },
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const { cookie } = await signUp(limited.url);
      const photo = new Blob([await png(10, 10)]);
      expect((await upload(limited.url, cookie, photo)).status).toBe(201);
      expect((await upload(limited.url, cookie, photo)).status).toBe(201);
      const refused = await upload(limited.url, cookie, photo);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await upload(limited.url, (await signUp(limited.url)).cookie, photo)).status).toBe(201);
    } finally {
      await limited.close(1000);
    }
  });
});
