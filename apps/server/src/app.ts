import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FileStorage, RateLimits } from '@estate/api';
import type { PoolStats, PrismaClient } from '@estate/db';
import { DEMO_IMAGE_URL_PREFIX, demoImagesDir } from '@estate/db';
import sirv from 'sirv';
import { preferredEncoding } from './compression.js';
import type { Config } from './config.js';
import { SEARCH_PAGE, searchPageWithResults } from './first-page.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, metricsEndpoint, type Route } from './metrics.js';
import { requestIdOf } from './request-id.js';
import { sendText } from './respond.js';
import { createTrpcHandler, TRPC_ENDPOINT } from './trpc-handler.js';
import { UPLOAD_ENDPOINT, UPLOADS_PREFIX, uploadedFiles, uploadHandler } from './uploads/http.js';

export interface AppOptions {
  prisma: PrismaClient;
  config: Pick<Config, 'webDistDir' | 'trustProxy' | 'logRequests' | 'trustedOrigins'> & Partial<Pick<Config, 'metricsToken'>>;
  /** Where uploaded photos are kept. */
  storage: FileStorage;
  /** Where log lines go (default: JSON lines on stdout). */
  logger?: Logger;
  /** PostgreSQL's pool, for the metrics (the database's `poolStats`). */
  poolStats?: () => PoolStats | null;
  /** Overrides some rate limits (tests use small ones). */
  rateLimits?: Partial<RateLimits>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

function securityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
  res.setHeader('x-frame-options', 'DENY');
}

/** One line per request once its response is done (or cut), with the request's id. */
function logRequest(req: IncomingMessage, res: ServerResponse, logger: Logger, requestId: string): void {
  const started = performance.now();
  res.once('close', () => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const url = (req.url ?? '').slice(0, 200);
    const aborted = !res.writableFinished;
    logger.info(
      { requestId, method: req.method, url, status: res.statusCode, ms, ...(aborted && { aborted }) },
      `${req.method} ${url} ${res.statusCode}${aborted ? ' (aborted)' : ''} ${ms.toFixed(1)}ms`,
    );
  });
}

function healthz(prisma: PrismaClient, logger: Logger) {
  return async (res: ServerResponse, requestId: string) => {
    try {
      await prisma.$queryRaw`SELECT 1`;
      sendText(res, 200, '{"status":"ok"}', 'application/json');
    } catch (error) {
      logger.error({ requestId }, `[healthz] database check failed: ${(error as Error).message}`);
      sendText(res, 503, '{"status":"unavailable","reason":"database"}', 'application/json');
    }
  };
}

/**
 * sirv serving the `.br` and `.gz` copies the build puts beside each file to clients that accept
 * them. sirv finds "br" or "gzip" anywhere in the header, "br;q=0" too: it is told the one
 * encoding chosen here; and it sets Vary on full answers only, where a cache needs it on 304s too.
 */
function precompressed(serve: Handler): Handler {
  return (req, res) => {
    req.headers['accept-encoding'] = preferredEncoding(req.headers['accept-encoding']) ?? 'identity';
    res.setHeader('vary', 'Accept-Encoding');
    return serve(req, res);
  };
}

/** The built web app. Vite's hashed assets never change; everything else must be revalidated. */
function webApp(dir: string): Handler {
  return precompressed(
    sirv(dir, {
      single: true,
      etag: true,
      brotli: true,
      gzip: true,
      setHeaders(res, pathname) {
        res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
}

function demoImages(): Handler {
  const serve = sirv(demoImagesDir, { etag: true, maxAge: 86_400, brotli: true, gzip: true });
  return precompressed((req, res) => {
    // Images are never documents: no scripts even if one were opened directly.
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    serve(req, res, () => sendText(res, 404, 'Not found'));
  });
}

function routeOf(path: string, method: string | undefined, hasWeb: boolean): Route {
  if (path === '/healthz') return 'healthz';
  if (path === '/metrics') return 'metrics';
  if (path === TRPC_ENDPOINT || path.startsWith(`${TRPC_ENDPOINT}/`)) return 'trpc';
  if (path === UPLOAD_ENDPOINT) return 'upload';
  if (path.startsWith(UPLOADS_PREFIX)) return 'uploads';
  if (path.startsWith(DEMO_IMAGE_URL_PREFIX)) return 'demo-images';
  if (hasWeb && (method === 'GET' || method === 'HEAD')) return 'web';
  return 'not-found';
}

/**
 * The whole HTTP surface: /healthz, /metrics, /trpc, uploads, demo images and the web app.
 * `shutdown` ends its event streams. Every response carries the request's id in X-Request-Id.
 */
export function createApp(options: AppOptions, shutdown: AbortSignal): Handler {
  const { prisma, config, storage, rateLimits } = options;
  const logger = options.logger ?? createLogger();
  const metrics = config.metricsToken
    ? createMetrics({ openStreams: () => trpc.openStreams(), poolStats: options.poolStats ?? (() => null) })
    : null;
  const trpc = createTrpcHandler({
    prisma,
    trustProxy: config.trustProxy,
    trustedOrigins: config.trustedOrigins,
    storage,
    ...(rateLimits && { rateLimits }),
    shutdown,
    logger,
    onCall: metrics?.observeCall,
  });
  const upload = uploadHandler({ prisma, storage, trustProxy: config.trustProxy, trustedOrigins: config.trustedOrigins, rateLimits });
  const uploaded = uploadedFiles(storage);
  const health = healthz(prisma, logger);
  const images = demoImages();
  const web = config.webDistDir ? webApp(config.webDistDir) : null;
  const searchPage = config.webDistDir ? searchPageWithResults({ webDistDir: config.webDistDir, callerFor: trpc.callerFor, logger }) : null;
  const scrape = metrics && config.metricsToken ? metricsEndpoint(metrics, config.metricsToken) : null;

  return async (req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    // Before any handler's writeHead, so every header lands in the response's own list (the metrics read it).
    securityHeaders(res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routeOf(path, req.method, web !== null);
    if (config.logRequests) logRequest(req, res, logger, requestId);
    metrics?.observeRequest(req, res, route);
    try {
      switch (route) {
        case 'healthz':
          return await health(res, requestId);
        case 'metrics':
          return scrape ? await scrape(req, res) : sendText(res, 404, 'Not found (metrics are off: set METRICS_TOKEN to turn them on)');
        case 'trpc':
          return await trpc(req, res, requestId);
        case 'upload':
          return await upload(req, res);
        case 'uploads':
          return await uploaded(req, res);
        case 'demo-images':
          req.url = req.url?.slice(DEMO_IMAGE_URL_PREFIX.length - 1);
          return images(req, res);
        case 'web':
          if (path === SEARCH_PAGE && searchPage) return await searchPage(req, res, requestId);
          return web?.(req, res);
        case 'not-found':
          return sendText(
            res,
            404,
            web ? 'Not found' : 'Not found (the web app is not built: run `pnpm build`, or use Vite in development)',
          );
      }
    } catch (error) {
      logger.error({ requestId, err: error }, `[http] ${req.method} ${path} failed`);
      if (!res.headersSent) sendText(res, 500, `Internal server error (request ${requestId})`);
      else res.destroy();
    }
  };
}
