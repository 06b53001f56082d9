import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What proxies and tracers send (UUIDs, hex, base64 ids); anything else is not copied into logs and headers. */
const SANE_ID = /^[\w.:@/+=-]{1,128}$/;

/** The request's id: the caller's X-Request-Id when it looks like one (a proxy's, to follow a request across hops), else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SANE_ID.test(given) ? given : randomUUID();
}
