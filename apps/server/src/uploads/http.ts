import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  defaultRateLimits,
  type FileStorage,
  hit,
  isAllowedOrigin,
  RateLimited,
  type RateLimits,
  sessionFromCookie,
  uploadKeys,
  uploadUrl,
} from '@estate/api';
import type { PrismaClient } from '@estate/db';
import { isSecure } from '../client-ip.js';
import { sendJson, sendText } from '../respond.js';
import { ImageError, processImage, sniffImageFormat } from './image.js';
import { readUploadedFile, UploadRejected } from './multipart.js';

export const UPLOAD_ENDPOINT = '/api/uploads';
export const UPLOADS_PREFIX = '/uploads/';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 16 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

interface UploadOptions {
  prisma: PrismaClient;
  storage: FileStorage;
  trustProxy: number;
  trustedOrigins: readonly string[];
  rateLimits?: Partial<RateLimits> | undefined;
}

/** How long a refused client may go on sending the body we will not use. */
const DISCARD_GRACE_MS = 2000;

/**
 * Answers without reading (the rest of) the body. What the client is still sending is
 * discarded unread for a moment, so it can take in the answer (closing at once would
 * reset the connection under it); a client that keeps sending is then cut off.
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error: message }, headers);
  if (req.complete) return;
  req.unpipe();
  req.resume();
  const cutOff = setTimeout(() => req.socket.destroy(), DISCARD_GRACE_MS);
  req.once('end', () => clearTimeout(cutOff));
}

/**
 * POST /api/uploads, one multipart field `file`, signed-in users only: answers 201
 * `{ url, width, height }`, where `url` is the largest size; `sm` and `md` sit beside it.
 */
export function uploadHandler({ prisma, storage, trustProxy, trustedOrigins, rateLimits }: UploadOptions): Handler {
  const limit = rateLimits?.uploads ?? defaultRateLimits.uploads;
  return async (req, res) => {
    if (req.method !== 'POST') return refuse(req, res, 405, 'Upload photos with POST.', { allow: 'POST' });
    const headers = { get: (name: string) => [req.headers[name] ?? []].flat().join(', ') || null };
    const ownOrigin = `${isSecure(req, trustProxy) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
    if (!isAllowedOrigin(headers, ownOrigin, trustedOrigins)) {
      return refuse(req, res, 403, 'Cross-site request refused: upload from the Estate site itself.');
    }
    const { session } = await sessionFromCookie(prisma, headers.get('cookie'), new Date());
    if (!session) return refuse(req, res, 401, 'Please sign in to upload photos.');
    try {
      await hit(prisma, `upload:user:${session.user.id}`, limit);
    } catch (error) {
      const wait = error instanceof Error && error.cause instanceof RateLimited ? error.cause.retryAfterSeconds : 60;
      return refuse(req, res, 429, (error as Error).message, { 'retry-after': String(wait) });
    }
    // A declared size over the limit is refused before a byte of the body is read.
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD) {
      return refuse(req, res, 413, `A photo can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
    }
    if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
      return refuse(req, res, 400, 'Send the photo as multipart/form-data, in a field named "file".');
    }

    let bytes: Buffer;
    try {
      bytes = await readUploadedFile(req, 'file', MAX_UPLOAD_BYTES);
    } catch (error) {
      if (error instanceof UploadRejected) return refuse(req, res, error.status, error.message);
      throw error;
    }
    const format = sniffImageFormat(bytes);
    if (!format) return sendJson(res, 400, { error: 'Only JPEG, PNG and WebP photos can be uploaded.' });
    let image: Awaited<ReturnType<typeof processImage>>;
    try {
      image = await processImage(bytes, format);
    } catch (error) {
      if (error instanceof ImageError) return sendJson(res, 400, { error: error.message });
      throw error;
    }

    const stored = image.sizes.reduce((sum, { data }) => sum + data.length, 0);
    const upload = await prisma.upload.create({
      data: { userId: session.user.id, width: image.width, height: image.height, bytes: stored },
      select: { id: true },
    });
    try {
      await Promise.all(image.sizes.map(({ size, data }) => storage.put(`${upload.id}/${size}.webp`, data, 'image/webp')));
    } catch (error) {
      await storage.delete(uploadKeys([upload.id])).catch(() => {});
      await prisma.upload.delete({ where: { id: upload.id } });
      throw error;
    }
    sendJson(res, 201, { url: uploadUrl(upload.id), width: image.width, height: image.height });
  };
}

const FILE_PATH = /^\/uploads\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/(sm|md|lg)\.webp$/;

/**
 * GET /uploads/<id>/<size>.webp. A file never changes under its name, so it may be cached
 * for good; it is only ever an image (no sniffing, no scripts even if opened directly).
 */
export function uploadedFiles(storage: FileStorage): Handler {
  return async (req, res) => {
    const match = FILE_PATH.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) return sendText(res, 404, 'Not found');
    const file = await storage.get(`${match[1]}/${match[2]}.webp`);
    if (!file) return sendText(res, 404, 'Not found');
    res.writeHead(200, {
      'content-type': 'image/webp',
      'content-length': String(file.size),
      'cache-control': 'public, max-age=31536000, immutable',
      'content-security-policy': "default-src 'none'",
      'content-disposition': 'inline',
    });
    if (req.method === 'HEAD') {
      file.body.destroy();
      res.end();
      return;
    }
    await pipeline(file.body, res);
  };
}
