// How long does a photo upload take? Uploads camera-sized JPEGs and a PNG through the real
// HTTP endpoint (multipart parsing, recognition, three WebP sizes, storage, database row)
// and prints the time per photo and the machine. Run from apps/server:
//   pnpm bench:uploads [rounds]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { diskStorage } from '@estate/api';
import { createTestDb } from '@estate/db/testing';
import sharp from 'sharp';
import { startServer } from '../src/server.js';
import { signUp } from '../test/trpc-http.js';

const rounds = Number(process.argv[2] ?? 10);

/** A photo-like picture: smooth gradients with fine noise, which JPEG compresses as it does a real photo. */
async function photo(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const noise = await sharp({
    create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 18 } },
  })
    .png()
    .toBuffer();
  const image = sharp({ create: { width, height, channels: 3, background: '#6a8fb5' } }).composite([{ input: noise, blend: 'overlay' }]);
  return format === 'jpeg' ? image.jpeg({ quality: 88 }).toBuffer() : image.png().toBuffer();
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

const uploadsDir = mkdtempSync(path.join(os.tmpdir(), 'estate-bench-uploads-'));
const db = await createTestDb('pglite');
const server = await startServer({
  prisma: db.prisma,
  storage: diskStorage(uploadsDir),
  config: { webDistDir: null, trustProxy: 0, logRequests: false, trustedOrigins: [] },
  rateLimits: { uploads: { max: 1e9, windowMs: 60_000 } },
  port: 0,
  host: '127.0.0.1',
});
const { cookie } = await signUp(server.url);

console.log(
  `machine: ${os.cpus()[0]?.model ?? '?'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, sharp ${sharp.versions.sharp}/libvips ${sharp.versions.vips}`,
);
for (const [label, width, height, format] of [
  ['12 MP camera JPEG (4000×3000)', 4000, 3000, 'jpeg'],
  ['3 MP phone JPEG (2000×1500)', 2000, 1500, 'jpeg'],
  ['PNG screenshot (1600×1000)', 1600, 1000, 'png'],
] as const) {
  const bytes = await photo(width, height, format);
  const times: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const form = new FormData();
    form.append('file', new Blob([bytes]), `photo.${format}`);
    const started = performance.now();
    const response = await fetch(`${server.url}/api/uploads`, { method: 'POST', headers: { cookie, origin: server.url }, body: form });
    await response.json();
    if (response.status !== 201) throw new Error(`upload failed with ${response.status}`);
    if (i > 0) times.push(performance.now() - started); // the first warms sharp up
  }
  console.log(
    `${label.padEnd(32)} ${(bytes.length / 1024 / 1024).toFixed(1).padStart(5)} MB   median ${percentile(times, 0.5).toFixed(0).padStart(5)} ms   p95 ${percentile(times, 0.95).toFixed(0).padStart(5)} ms   (${rounds} uploads)`,
  );
}
await server.close(1000);
await db.close();
rmSync(uploadsDir, { recursive: true, force: true });
