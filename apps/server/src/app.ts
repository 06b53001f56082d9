import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStorage, RateLimits } from '@estate/api';
import type { PrismaClient } from '@estate/db';
import { DEMO_IMAGE_URL_PREFIX, demoImagesDir } from '@estate/db';
import sirv from 'sirv';
import type { Config } from './config.js';
import { sendText } from './respond.js';
import { createTrpcHandler, TRPC_ENDPOINT } from './trpc-handler.js';
import { UPLOAD_ENDPOINT, UPLOADS_PREFIX, uploadedFiles, uploadHandler } from './uploads/http.js';

export interface AppOptions {
  prisma: PrismaClient;
  config: Pick<Config, 'webDistDir' | 'trustProxy' | 'logRequests' | 'trustedOrigins'>;
  /** Where uploaded photos are kept. */
  storage: FileStorage;
  /** Overrides some rate limits (tests use small ones). */
  rateLimits?: Partial<RateLimits>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('x-frame-options', 'DENY');
}

function logRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = performance.now();
  res.once('close', () => {
    const ms = (performance.now() - started).toFixed(1);
    const status = res.writableFinished ? res.statusCode : `${res.statusCode} (aborted)`;
    console.log(`${new Date().toISOString()} ${req.method} ${(req.url ?? '').slice(0, 200)} ${status} ${ms}ms`);
  });
}

function healthz(prisma: PrismaClient): Handler {
  return async (_req, res) => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      sendText(res, 200, '{"status":"ok"}', 'application/json');
    } catch (error) {
      console.error(`[healthz] database check failed: ${(error as Error).message}`);
      sendText(res, 503, '{"status":"unavailable","reason":"database"}', 'application/json');
    }
  };
}

/** Vite's hashed assets never change; everything else must be revalidated. */
function webApp(dir: string): Handler {
  return sirv(dir, {
    single: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

function demoImages(): Handler {
  // The build writes each picture's brotli and gzip copies beside it.
  const serve = sirv(demoImagesDir, { etag: true, maxAge: 86_400, brotli: true, gzip: true });
  return (req, res) => {
    // Images are never documents: no scripts even if one were opened directly.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    serve(req, res, () => sendText(res, 404, 'Not found'));
  };
}

/** The whole HTTP surface: /healthz, /trpc, uploads, demo images and the web app. `shutdown` ends its event streams. */
export function createApp({ prisma, config, storage, rateLimits }: AppOptions, shutdown: AbortSignal): Handler {
  const trpc = createTrpcHandler({
    prisma,
    trustProxy: config.trustProxy,
    trustedOrigins: config.trustedOrigins,
    storage,
    ...(rateLimits && { rateLimits }),
    shutdown,
  });
  const upload = uploadHandler({ prisma, storage, trustProxy: config.trustProxy, trustedOrigins: config.trustedOrigins, rateLimits });
  const uploaded = uploadedFiles(storage);
  const health = healthz(prisma);
  const images = demoImages();
  const web = config.webDistDir ? webApp(config.webDistDir) : null;

  return async (req, res) => {
    if (config.logRequests) logRequest(req, res);
    securityHeaders(res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (path === '/healthz') return await health(req, res);
      if (path === TRPC_ENDPOINT || path.startsWith(`${TRPC_ENDPOINT}/`)) return await trpc(req, res);
      if (path === UPLOAD_ENDPOINT) return await upload(req, res);
      if (path.startsWith(UPLOADS_PREFIX)) return await uploaded(req, res);
      if (path.startsWith(DEMO_IMAGE_URL_PREFIX)) {
        req.url = req.url?.slice(DEMO_IMAGE_URL_PREFIX.length - 1);
        return images(req, res);
      }
      if (web && (req.method === 'GET' || req.method === 'HEAD')) return web(req, res);
      sendText(res, 404, web ? 'Not found' : 'Not found (the web app is not built: run `pnpm build`, or use Vite in development)');
    } catch (error) {
      console.error(`[http] ${req.method} ${path} failed:`, error);
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
    }
  };
}
